"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { EMAIL_MAX_LENGTH } from "@/lib/auth/account-fields";
import { authClient } from "@/lib/auth/client";
import { describeAuthError, looksLikeEmail } from "./auth-errors";
import { FormNotice } from "./form-notice";

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const [error, setError] = useState<string | undefined>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    if (!looksLikeEmail(email)) {
      setError("Enter the email you signed up with.");
      return;
    }
    setError(undefined);
    setPending(true);
    const { error: failed } = await authClient.requestPasswordReset({ email, redirectTo: "/reset-password" });
    setPending(false);
    if (failed) {
      setError(describeAuthError(failed).message);
      return;
    }
    setSentTo(email);
  }

  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-2xl font-semibold tracking-tight">Forgot your password?</h1>
      <p className="mt-1 text-sm text-fg-muted">Enter your email and we send you a link to choose a new one.</p>
      <form className="mt-6 flex flex-col gap-4" onSubmit={onSubmit} noValidate data-testid="forgot-password-form">
        {sentTo ? (
          <FormNotice testId="forgot-password-sent">
            If an account uses {sentTo}, a reset link is on its way. It works for one hour.
          </FormNotice>
        ) : null}
        <Field label="Email" name="email" type="email" autoComplete="email" required maxLength={EMAIL_MAX_LENGTH} error={error} />
        <Button type="submit" pending={pending} className="mt-2 w-full" data-testid="forgot-password-submit">
          Send reset link
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-fg-muted">
        Remembered it?{" "}
        <Link href="/sign-in" className="font-medium text-accent hover:underline">
          Sign in
        </Link>
      </p>
    </Card>
  );
}
