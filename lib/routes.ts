/** Where a signed-in person lands: the Live page, ready to talk. */
export const APP_HOME = "/live";

/** Only same-site paths may be used as a return address after sign-in. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return APP_HOME;
  return value;
}
