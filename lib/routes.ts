/** Where a signed-in person lands: the Live page, ready to talk. */
export const APP_HOME = "/live";

/** Set by proxy.ts on signed-in pages: the path asked for, so a layout can return there after sign-in. */
export const RETURN_PATH_HEADER = "x-livemind-return-path";

/** Only same-site paths may be used as a return address after sign-in. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return APP_HOME;
  // A Location header holds visible ASCII only (anything else throws ERR_INVALID_CHAR), and
  // browsers drop tabs and newlines from URLs, so "/\t/x" would become "//x": percent-encode the rest.
  return value.replace(/[^\x21-\x7e]/gu, (char) => [...new TextEncoder().encode(char)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join(""));
}
