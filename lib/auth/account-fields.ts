/** Bounds of what an account holds, shared by the forms and the server's checks. */
export const NAME_MAX_LENGTH = 100;
// RFC 5321's limit on a forward path.
export const EMAIL_MAX_LENGTH = 254;
export const URL_MAX_LENGTH = 2048;

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
// Bidirectional overrides and isolates turn the text after them around ("\u202Egnp.exe"), so a
// name could pose as another in the admins' list; a name needs none of them.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
// What is left once spaces and invisible format characters (zero-width space, joiners…) go.
const visible = (name: string) => name.replace(/[\s\p{Cf}]/gu, "");

/** What is wrong with a display name, or null: it is shown to admins and in the app's header. */
export function nameProblem(name: string): { code: "INVALID_NAME" | "NAME_TOO_LONG"; message: string } | null {
  if (!visible(name) || CONTROL_CHARACTERS.test(name) || BIDI_CONTROLS.test(name)) return { code: "INVALID_NAME", message: "Enter the name to call you, in plain text." };
  if (name.length > NAME_MAX_LENGTH) return { code: "NAME_TOO_LONG", message: `Keep the name within ${NAME_MAX_LENGTH} characters.` };
  return null;
}
