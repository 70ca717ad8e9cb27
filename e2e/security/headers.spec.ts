import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures/test";
import { GEMINI_DOUBLE_URL } from "../support/ports";

/*
 * Every response carries the security headers; pages carry a Content-Security-Policy whose
 * script nonce is fresh per response and on every script Next renders. The live conversation
 * under this policy is checked in e2e/live/security.spec.ts.
 */

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(";").map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name!, values]));
}

function expectCommonHeaders(headers: Record<string, string>) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toBe("camera=(self), microphone=(self), display-capture=(self)");
  expect(headers["x-frame-options"]).toBe("DENY");
  // The suite serves `next start` (production) over plain http on localhost.
  expect(headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
}

function collectViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("pages carry a nonce-based CSP, a fresh nonce each time, on every script", async ({ page }) => {
  const first = await page.request.get("/sign-in");
  const second = await page.request.get("/sign-in");
  expectCommonHeaders(first.headers());
  const csp = directives(first.headers()["content-security-policy"] ?? "");
  const nonce = csp.get("script-src")?.find((value) => value.startsWith("'nonce-"));
  expect(nonce, "a script nonce").toBeTruthy();
  expect(second.headers()["content-security-policy"]).not.toContain(nonce!);
  expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
  expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
  expect(csp.get("default-src")).toEqual(["'self'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(csp.get("base-uri")).toEqual(["'self'"]);
  expect(csp.get("form-action")).toEqual(["'self'"]);
  // Our origin, the Gemini Live socket, and in tests the double standing in for it; nothing else.
  const doubleOrigin = new URL(GEMINI_DOUBLE_URL);
  expect(csp.get("connect-src")?.sort()).toEqual(
    ["'self'", "wss://generativelanguage.googleapis.com", doubleOrigin.origin, `ws://${doubleOrigin.host}`].sort(),
  );

  // Every script element Next rendered carries the response's nonce.
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce!.slice(7, -1)}"`);
});

test("API responses and static files carry the security headers too", async ({ page }) => {
  for (const path of ["/api/health", "/worklets/capture-processor.js", "/api/sessions"]) {
    const response = await page.request.get(path);
    expectCommonHeaders(response.headers());
  }
});

test("signed-in pages render and hydrate under the policy with no violation", async ({ admin }) => {
  test.setTimeout(90_000);
  const violations = collectViolations(admin.page);
  for (const path of ["/", "/live", "/sessions", "/insights", "/settings", "/admin", "/admin/users"]) {
    await admin.page.goto(path);
  }
  // Hydrated: a client-side navigation works.
  await admin.page.goto("/sessions");
  await admin.page.getByRole("link", { name: "Settings" }).first().click();
  await expect(admin.page).toHaveURL(/\/settings$/);
  expect(violations).toEqual([]);
});

test("the sign-in page works under the policy and cannot be framed", async ({ page }) => {
  const violations = collectViolations(page);
  await page.goto("/sign-in");
  await expect(page.getByTestId("sign-in-form")).toBeVisible();
  await page.getByTestId("sign-in-submit").click();
  // Client-side validation ran: the page hydrated under the policy.
  await expect(page.getByText("Enter the email you signed up with.")).toBeVisible();
  expect(violations).toEqual([]);
});
