/** Where a signed-in person lands. The Live page takes this over when it exists. */
export const APP_HOME = "/settings";

/** Only same-site paths may be used as a return address after sign-in. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return APP_HOME;
  return value;
}
