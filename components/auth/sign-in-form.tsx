"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { authClient } from "@/lib/auth/client";
import { safeReturnPath } from "@/lib/routes";
import { describeAuthError, looksLikeEmail } from "./auth-errors";
import { FormAlert } from "./form-alert";
import { FormNotice } from "./form-notice";

type Errors = Partial<Record<"email" | "password" | "form", string>>;

export function SignInForm({ next, notice = null }: { next: string; notice?: { tone: "ok" | "error"; text: string } | null }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const found: Errors = {};
    if (!looksLikeEmail(email)) found.email = "Enter the email you signed up with.";
    if (!password) found.password = "Enter your password.";
    setErrors(found);
    if (Object.keys(found).length) return;

    setPending(true);
    const { error } = await authClient.signIn.email({ email, password });
    if (error) {
      const described = describeAuthError(error);
      setErrors(described.field ? { [described.field]: described.message } : { form: described.message });
      setPending(false);
      return;
    }
    // Checked again here: this redirect runs in the browser, whatever the page was given.
    router.replace(safeReturnPath(next));
    router.refresh();
  }

  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-2xl font-semibold tracking-tight">Welcome back</h1>
      <p className="mt-1 text-sm text-fg-muted">Sign in to continue your conversations.</p>
      <form className="mt-6 flex flex-col gap-4" onSubmit={onSubmit} noValidate data-testid="sign-in-form">
        {errors.form ? <FormAlert>{errors.form}</FormAlert> : notice?.tone === "error" ? <FormAlert>{notice.text}</FormAlert> : notice ? <FormNotice testId="sign-in-notice">{notice.text}</FormNotice> : null}
        <Field label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required error={errors.password} />
        <Link href="/forgot-password" className="-mt-2 self-end text-sm font-medium text-accent hover:underline" data-testid="forgot-password-link">
          Forgot password?
        </Link>
        <Button type="submit" pending={pending} className="mt-2 w-full" data-testid="sign-in-submit">
          Sign in
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-fg-muted">
        New to LiveMind?{" "}
        <Link href="/sign-up" className="font-medium text-accent hover:underline">
          Create an account
        </Link>
      </p>
    </Card>
  );
}
