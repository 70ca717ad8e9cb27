import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import GlobalError from "@/app/global-error";
import RootError from "@/app/error";

const failure = Object.assign(new Error("relation \"live_sessions\" does not exist"), { digest: "2209483312" });
const noop = () => {};

describe("the root error screens", () => {
  it("say what happened in plain words, offer a retry and a way home, and never show the error's text", () => {
    const html = renderToStaticMarkup(<RootError error={failure} reset={noop} />);
    expect(html).toMatch(/role="alert"/);
    expect(html).toMatch(/<h1[^>]*>Something went wrong<\/h1>/);
    expect(html).toMatch(/<button[^>]*type="button"[^>]*>.*Try again<\/button>/);
    expect(html).toMatch(/<a[^>]*href="\/"/);
    expect(html).toContain("2209483312");
    expect(html).not.toContain("live_sessions");
  });

  it("stand in for the whole document when the root layout itself failed", () => {
    const html = renderToStaticMarkup(<GlobalError error={failure} reset={noop} />);
    expect(html).toMatch(/^<html lang="en"[^>]*><head>.*<title>Something went wrong · LiveMind<\/title>.*<\/head><body/);
    expect(html).toMatch(/role="alert"/);
    expect(html).toMatch(/Try again<\/button>/);
    expect(html).not.toContain("live_sessions");
  });
});
