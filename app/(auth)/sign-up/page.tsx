import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionUser } from "@/lib/auth/session";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { emailTransport } from "@/lib/env";
import { APP_HOME } from "@/lib/routes";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage() {
  if (await getSessionUser()) redirect(APP_HOME);
  return <SignUpForm minPasswordLength={PASSWORD_MIN_LENGTH} verificationRequired={emailTransport() === "smtp"} />;
}
