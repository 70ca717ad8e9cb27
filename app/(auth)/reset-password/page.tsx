import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Reset password" };

// better-auth checks the emailed link and lands here with `token`, or with `error` when it is spent.
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[]; error?: string | string[] }> }) {
  const { token, error } = await searchParams;
  const value = typeof token === "string" && /^[A-Za-z0-9_-]{1,200}$/.test(token) ? token : null;
  return <ResetPasswordForm token={value} linkError={error !== undefined} />;
}
