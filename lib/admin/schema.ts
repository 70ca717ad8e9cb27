import { z } from "zod";
import { storableText } from "@/lib/validation/columns";

/** How long a ban lasts, as the ban dialog offers it; null lasts until an admin lifts it. */
export const BAN_DURATIONS = [
  { days: null, label: "Until lifted" },
  { days: 1, label: "1 day" },
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
] as const;

export const BAN_REASON_MAX = 500;

const userId = storableText({ error: "Choose a user." }).trim().min(1, "Choose a user.").max(200, "That is not a user id.");

export const targetUserInput = z.strictObject({ userId });

/** Erasing an account asks the admin to type its address: a slip of the mouse erases nothing. */
export const deleteUserInput = z.strictObject({
  userId,
  confirmEmail: storableText({ error: "Type the account's email address." }).trim().min(1, "Type the account's email address.").max(254, "That is not the account's email address."),
});
export type DeleteUserInput = z.infer<typeof deleteUserInput>;

const durationDays: readonly number[] = BAN_DURATIONS.flatMap((d) => (d.days === null ? [] : [d.days]));

export const banUserInput = z.strictObject({
  userId,
  reason: storableText({ error: "Say why this account is suspended." })
    .trim()
    .min(3, "Say why this account is suspended.")
    .max(BAN_REASON_MAX, `Keep the reason under ${BAN_REASON_MAX} characters.`),
  expiresInDays: z
    .number()
    .int()
    .nullable()
    .refine((days) => days === null || durationDays.includes(days), "Pick one of the listed durations."),
});

export type BanUserInput = z.infer<typeof banUserInput>;

/** What each admin action answers: the account's ban state afterwards and the sessions it ended. */
export interface ModerationResult {
  userId: string;
  banned: boolean;
  banExpires: Date | null;
  sessionsRevoked: number;
}
