/*
 * The mail LiveMind sends, as plain text: short, one link each, nothing from the account beyond
 * the name it was given. Pure, so the wording is tested without a transport.
 */

export type EmailKind = "verify-email" | "reset-password" | "change-email-confirmation" | "existing-account-sign-up" | "alert";

export interface EmailContent {
  kind: EmailKind;
  subject: string;
  body: string;
  link: string | null;
}

const signature = "\n\n— LiveMind\nIf you did not ask for this, you can ignore this email.";

const greeting = (name: string) => `Hello ${name.trim().slice(0, 80) || "there"},`;

export function verifyEmailMessage({ name, url }: { name: string; url: string }): EmailContent {
  return {
    kind: "verify-email",
    subject: "Confirm your email address for LiveMind",
    body: `${greeting(name)}\n\nConfirm this email address for your LiveMind account:\n${url}\n\nThe link works for one hour.${signature}`,
    link: url,
  };
}

export function resetPasswordMessage({ name, url }: { name: string; url: string }): EmailContent {
  return {
    kind: "reset-password",
    subject: "Reset your LiveMind password",
    body: `${greeting(name)}\n\nSomeone (hopefully you) asked to reset the password of your LiveMind account. Choose a new one here:\n${url}\n\nThe link works for one hour. Every browser signed in to your account is signed out when you reset it.${signature}`,
    link: url,
  };
}

export function changeEmailConfirmationMessage({ name, newEmail, url }: { name: string; newEmail: string; url: string }): EmailContent {
  return {
    kind: "change-email-confirmation",
    subject: "Approve the change of your LiveMind email address",
    body: `${greeting(name)}\n\nYou asked to change the email address of your LiveMind account to ${newEmail}. Approve it here; we then send a confirmation link to the new address:\n${url}${signature}`,
    link: url,
  };
}

export function existingAccountSignUpMessage({ name, signInUrl }: { name: string; signInUrl: string }): EmailContent {
  return {
    kind: "existing-account-sign-up",
    subject: "Someone tried to sign up with your email address",
    body: `${greeting(name)}\n\nSomeone tried to create a LiveMind account with this email address, which already has one. If it was you, sign in instead (or reset your password from the sign-in page):\n${signInUrl}${signature}`,
    link: signInUrl,
  };
}
