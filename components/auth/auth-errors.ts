interface AuthClientError {
  code?: string;
  status?: number;
  message?: string;
}

/** better-auth's error codes, said plainly. */
export function describeAuthError(error: AuthClientError): { field?: "email" | "password" | "name"; message: string } {
  if (error.status === 429) return { message: "Too many attempts. Please wait a few seconds and try again." };
  switch (error.code) {
    case "INVALID_EMAIL_OR_PASSWORD":
      return { field: "password", message: "That email and password don't match. Check both and try again." };
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return { field: "email", message: "An account with this email already exists. Sign in instead?" };
    case "PASSWORD_TOO_SHORT":
      return { field: "password", message: "Password is too short." };
    case "PASSWORD_TOO_LONG":
      return { field: "password", message: "Password is too long." };
    case "INVALID_EMAIL":
      return { field: "email", message: "Enter a valid email address." };
    case "BANNED_USER":
      return { message: "This account has been suspended. Contact the administrator." };
    default:
      return { message: error.message || "Something went wrong. Please try again." };
  }
}

export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
