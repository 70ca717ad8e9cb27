import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password";
import { storableText } from "@/lib/validation/columns";

/** A sign-in session's id as better-auth makes them (32 URL-safe characters); anything else is not one of ours. */
export const deviceInput = z.strictObject({
  sessionId: z.string().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/, "Not a device id."),
});

export const revokeOthersInput = z.strictObject({});

export const deleteAccountInput = z.strictObject({
  password: storableText().min(1, "Enter your password to confirm.").max(PASSWORD_MAX_LENGTH, "Password is too long."),
});

export interface DeviceView {
  id: string;
  label: string;
  /** The network half of the address, or null when none was recorded. */
  ipHint: string | null;
  signedInAt: string;
  lastUsedAt: string;
  current: boolean;
}
