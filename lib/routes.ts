/** Where a signed-in person lands: the Live page, ready to talk. */
export const APP_HOME = "/live";

/** Set by proxy.ts on signed-in pages: the path asked for, so a layout can return there after sign-in. */
export const RETURN_PATH_HEADER = "x-livemind-return-path";

// Any origin will do as long as no real site has it: only "did it stay on this origin" is asked.
const PROBE_ORIGIN = "http://livemind.invalid";

/*
 * Only a path on our own origin may be a return address after sign-in. Browsers strip tab, CR
 * and LF from URLs and read "\\" as "/", so "/\t/evil.example" would leave for another host;
 * such values are refused outright (they would also be invalid in a Location header), and the
 * rest must parse to our origin. The parsed form is answered, so the redirect is what was checked.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(value)) return APP_HOME;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return APP_HOME;
  }
  if (url.origin !== PROBE_ORIGIN) return APP_HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}
