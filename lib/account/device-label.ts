/*
 * How a signed-in browser is shown in Settings → Your devices: browser and system read from its
 * user agent, and an address hint that cannot place the person (only the network's first half).
 * Pure, for the list and its tests.
 */

const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, "Edge"],
  [/OPR\/(\d+)/, "Opera"],
  [/SamsungBrowser\/(\d+)/, "Samsung Internet"],
  [/Firefox\/(\d+)|FxiOS\/(\d+)/, "Firefox"],
  [/CriOS\/(\d+)/, "Chrome"],
  [/HeadlessChrome\/(\d+)/, "Headless Chrome"],
  [/Chrome\/(\d+)/, "Chrome"],
  [/Version\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/CrOS/, "ChromeOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux/, "Linux"],
];

export function describeUserAgent(userAgent: string | null | undefined): string {
  const ua = (userAgent ?? "").slice(0, 512);
  if (!ua) return "Unknown browser";
  const browser = BROWSERS.find(([pattern]) => pattern.test(ua));
  const system = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1];
  let name = "Unknown browser";
  if (browser) {
    const match = ua.match(browser[0]);
    const version = match?.slice(1).find(Boolean);
    name = version ? `${browser[1]} ${version}` : browser[1];
  } else if (/^(curl|Wget|node|undici|python|Go-http-client)/i.test(ua)) {
    name = "A program";
  }
  return system ? `${name} on ${system}` : name;
}

/** The network half of an address: "203.0.x.x", "2001:db8:x:x…": enough to tell "that's not me". */
export function maskIpAddress(ip: string | null | undefined): string | null {
  const value = (ip ?? "").trim();
  if (!value) return null;
  const v4 = value.replace(/^::ffff:/i, "");
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(v4)) {
    const [a, b] = v4.split(".");
    return `${a}.${b}.x.x`;
  }
  if (value.includes(":")) {
    const groups = value.split(":").filter(Boolean).slice(0, 2);
    return groups.length ? `${groups.join(":")}:x:x…` : null;
  }
  return null;
}
