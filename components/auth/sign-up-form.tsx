"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { authClient } from "@/lib/auth/client";
import { EMAIL_MAX_LENGTH, nameProblem, NAME_MAX_LENGTH } from "@/lib/auth/account-fields";
import { APP_HOME } from "@/lib/routes";
import { describeAuthError, looksLikeEmail, SIGN_UP_NOT_COMPLETED } from "./auth-errors";
import { FormAlert } from "./form-alert";
import { FormNotice } from "./form-notice";

type Errors = Partial<Record<"name" | "email" | "password" | "form", string>>;

/** Where the confirmation link in the sign-up mail lands. */
export const VERIFIED_CALLBACK = "/sign-in?verified=1";

export function SignUpForm({ minPasswordLength, verificationRequired = false }: { minPasswordLength: number; verificationRequired?: boolean }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  const [checkInbox, setCheckInbox] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "").trim();
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const found: Errors = {};
    if (!name) found.name = "Tell us what to call you.";
    else found.name = nameProblem(name)?.message;
    if (!looksLikeEmail(email) || email.length > EMAIL_MAX_LENGTH) found.email = "Enter a valid email address.";
    if (password.length < minPasswordLength) found.password = `Password is too short: use at least ${minPasswordLength} characters.`;
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;

    setPending(true);
    const { error } = await authClient.signUp.email({ name, email, password, callbackURL: VERIFIED_CALLBACK });
    // With confirmation required nobody signs in yet, so every address gets the same answer: a new
    // one receives its link, a taken one a note to its owner (lib/auth/server.ts).
    if (verificationRequired && !error) {
      setPending(false);
      setCheckInbox(email);
      return;
    }
    // Sign-up answers a taken email as a new one and starts no session: signing in tells them apart.
    const signIn = error ? null : await authClient.signIn.email({ email, password });
    if (error || signIn?.error) {
      const described = error ? describeAuthError(error) : signIn?.error?.status === 429 ? describeAuthError(signIn.error) : { message: SIGN_UP_NOT_COMPLETED };
      setErrors(described.field ? { [described.field]: described.message } : { form: described.message });
      setPending(false);
      return;
    }
    router.replace(APP_HOME);
    router.refresh();
  }

  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-2xl font-semibold tracking-tight">Create your account</h1>
      <p className="mt-1 text-sm text-fg-muted">It takes a moment. Your conversations stay private to you.</p>
      <form className="mt-6 flex flex-col gap-4" onSubmit={onSubmit} noValidate data-testid="sign-up-form">
        {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
        {checkInbox ? (
          <FormNotice testId="sign-up-check-inbox">
            We sent a message to {checkInbox}. Follow its link to confirm the address, then sign in. If you already have an account, sign in instead.
          </FormNotice>
        ) : null}
        <Field label="Name" name="name" autoComplete="name" required maxLength={NAME_MAX_LENGTH} error={errors.name} />
        <Field label="Email" name="email" type="email" autoComplete="email" required maxLength={EMAIL_MAX_LENGTH} error={errors.email} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={minPasswordLength}
          hint={`At least ${minPasswordLength} characters.`}
          error={errors.password}
        />
        <Button type="submit" pending={pending} className="mt-2 w-full" data-testid="sign-up-submit">
          Create account
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-fg-muted">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-accent hover:underline">
          Sign in
        </Link>
      </p>
    </Card>
  );
}
