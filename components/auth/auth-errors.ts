interface AuthClientError {
  code?: string;
  status?: number;
  message?: string;
}

/**
 * Sign-up answers a taken email as it answers a new one, then the form signs in; when that fails
 * the person may have an account already, or not: one honest message for both.
 */
export const SIGN_UP_NOT_COMPLETED =
  "We could not create an account with these details. If you already have an account, sign in instead.";

/** better-auth's error codes, and ours from lib/auth/hooks.ts, said plainly. */
export function describeAuthError(error: AuthClientError): { field?: "email" | "password" | "name"; message: string } {
  if (error.status === 429) return { message: "Too many attempts. Please wait a few seconds and try again." };
  switch (error.code) {
    case "INVALID_EMAIL_OR_PASSWORD":
      return { field: "password", message: "That email and password don't match. Check both and try again." };
    // Said the same way whether or not the email has an account (see SIGN_UP_NOT_COMPLETED).
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return { message: SIGN_UP_NOT_COMPLETED };
    case "WEAK_PASSWORD":
      return { field: "password", message: error.message || "This password is easy to guess. Add a few uncommon words." };
    case "INVALID_NAME":
    case "NAME_TOO_LONG":
      return { field: "name", message: error.message || "Enter the name to call you." };
    case "PASSWORD_TOO_SHORT":
      return { field: "password", message: "Password is too short." };
    case "PASSWORD_TOO_LONG":
      return { field: "password", message: "Password is too long." };
    case "INVALID_EMAIL":
      return { field: "email", message: "Enter a valid email address." };
    case "EMAIL_NOT_VERIFIED":
      return { message: "Confirm your email address first: we sent you a new link. Follow it, then sign in." };
    case "INVALID_TOKEN":
      return { message: "This link has expired or was used already. Ask for a new one." };
    case "INVALID_PASSWORD":
      return { field: "password", message: "That password is not right." };
    case "BANNED_USER":
      return { message: "This account has been suspended. Contact the administrator." };
    default:
      return { message: error.message || "Something went wrong. Please try again." };
  }
}

export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
