import { describe, expect, it } from "vitest";
import { describeUserAgent, maskIpAddress } from "./device-label";

describe("describeUserAgent", () => {
  it("names the browser, its major version and the system", () => {
    expect(describeUserAgent("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15")).toBe("Safari 17 on macOS");
    expect(describeUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51")).toBe("Edge 124 on Windows");
    expect(describeUserAgent("Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0")).toBe("Firefox 125 on Linux");
    expect(describeUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/123.0 Mobile/15E148 Safari/604.1")).toBe("Chrome 123 on iOS");
    expect(describeUserAgent("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36")).toBe("Chrome 124 on Android");
  });

  it("says so when it cannot tell", () => {
    expect(describeUserAgent(null)).toBe("Unknown browser");
    expect(describeUserAgent("curl/8.5.0")).toBe("A program");
  });
});

describe("maskIpAddress", () => {
  it("keeps only the network half", () => {
    expect(maskIpAddress("203.0.113.77")).toBe("203.0.x.x");
    expect(maskIpAddress("::ffff:198.51.100.9")).toBe("198.51.x.x");
    expect(maskIpAddress("2001:db8:85a3::8a2e:370:7334")).toBe("2001:db8:x:x…");
  });

  it("has nothing to show for no address", () => {
    expect(maskIpAddress("")).toBeNull();
    expect(maskIpAddress(null)).toBeNull();
    expect(maskIpAddress("not an address")).toBeNull();
  });
});
