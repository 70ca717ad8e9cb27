import { describe, expect, it } from "vitest";
import { fitLongEdge } from "./video-capture";

describe("fitLongEdge", () => {
  it("scales the long edge down to 768 px and keeps the aspect ratio", () => {
    expect(fitLongEdge(1280, 720)).toEqual({ width: 768, height: 432 });
    expect(fitLongEdge(1080, 1920)).toEqual({ width: 432, height: 768 });
    expect(fitLongEdge(3840, 2160)).toEqual({ width: 768, height: 432 });
  });

  it("never upscales and survives a video with no size yet", () => {
    expect(fitLongEdge(640, 480)).toEqual({ width: 640, height: 480 });
    expect(fitLongEdge(0, 0)).toEqual({ width: 0, height: 0 });
    expect(fitLongEdge(5000, 1)).toEqual({ width: 768, height: 1 });
  });
});
