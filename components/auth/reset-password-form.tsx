"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { authClient } from "@/lib/auth/client";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { describeAuthError } from "./auth-errors";
import { FormAlert } from "./form-alert";

type Errors = Partial<Record<"password" | "confirm" | "form", string>>;

/** Sets a new password from a reset link's token; better-auth then signs every browser out. */
export function ResetPasswordForm({ token, linkError }: { token: string | null; linkError: boolean }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  if (!token || linkError) {
    return (
      <Card className="p-6 sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight">This link does not work</h1>
        <p className="mt-2 text-sm text-fg-muted" data-testid="reset-link-invalid">
          Reset links work once, for one hour. Ask for a new one.
        </p>
        <Link href="/forgot-password" className="mt-6 inline-block text-sm font-medium text-accent hover:underline">
          Send a new link
        </Link>
      </Card>
    );
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    const confirm = String(form.get("confirm") ?? "");
    const found: Errors = {};
    if (password.length < PASSWORD_MIN_LENGTH) found.password = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
    else if (password !== confirm) found.confirm = "The two passwords differ.";
    setErrors(found);
    if (Object.keys(found).length) return;
    setPending(true);
    const { error } = await authClient.resetPassword({ newPassword: password, token: token! });
    if (error) {
      const described = describeAuthError(error);
      const invalid = error.code === "INVALID_TOKEN";
      setErrors(invalid ? { form: "This link has expired or was used already. Ask for a new one." } : described.field === "password" ? { password: described.message } : { form: described.message });
      setPending(false);
      return;
    }
    router.replace("/sign-in?reset=1");
  }

  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-2xl font-semibold tracking-tight">Choose a new password</h1>
      <p className="mt-1 text-sm text-fg-muted">Every browser signed in to your account will be signed out.</p>
      <form className="mt-6 flex flex-col gap-4" onSubmit={onSubmit} noValidate data-testid="reset-password-form">
        {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
        <Field label="New password" name="password" type="password" autoComplete="new-password" required maxLength={PASSWORD_MAX_LENGTH} error={errors.password} />
        <Field label="Repeat it" name="confirm" type="password" autoComplete="new-password" required maxLength={PASSWORD_MAX_LENGTH} error={errors.confirm} />
        <Button type="submit" pending={pending} className="mt-2 w-full" data-testid="reset-password-submit">
          Set new password
        </Button>
      </form>
    </Card>
  );
}
