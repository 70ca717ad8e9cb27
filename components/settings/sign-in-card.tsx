"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { describeAuthError, looksLikeEmail } from "@/components/auth/auth-errors";
import { FormAlert } from "@/components/auth/form-alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { EMAIL_MAX_LENGTH } from "@/lib/auth/account-fields";
import { authClient } from "@/lib/auth/client";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password";

type Errors = Partial<Record<"newEmail" | "currentPassword" | "newPassword", string>>;

/*
 * Email address and password, changed through better-auth's own endpoints (its checks and ours
 * in lib/auth/hooks.ts run there). A new address takes effect once the link mailed to it is
 * followed; a confirmed old address approves the change first.
 */
interface Props {
  email: string;
  emailVerified: boolean;
  /** What a followed email link did, shown until the next action here. */
  linkNotice?: { tone: "ok" | "error"; text: string } | null;
}

export function SignInCard({ email, emailVerified, linkNotice = null }: Props) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState<"email" | "password" | "verify" | null>(null);
  const [emailNotice, setEmailNotice] = useState<string | null>(linkNotice?.tone === "ok" ? linkNotice.text : null);
  const [linkError, setLinkError] = useState<string | null>(linkNotice?.tone === "error" ? linkNotice.text : null);

  async function onChangeEmail(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const newEmail = String(new FormData(form).get("newEmail") ?? "").trim();
    if (!looksLikeEmail(newEmail)) return setErrors({ newEmail: "Enter a valid email address." });
    setErrors({});
    setLinkError(null);
    setPending("email");
    const { error } = await authClient.changeEmail({ newEmail, callbackURL: "/settings?email=changed" });
    setPending(null);
    if (error) return setErrors({ newEmail: describeAuthError(error).message });
    form.reset();
    setEmailNotice(
      emailVerified
        ? `We sent a link to ${email} to approve the change. After that, ${newEmail} gets a link to confirm it.`
        : `We sent a link to ${newEmail}. Your address changes when you follow it.`,
    );
  }

  async function onChangePassword(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const currentPassword = String(data.get("currentPassword") ?? "");
    const newPassword = String(data.get("newPassword") ?? "");
    if (!currentPassword) return setErrors({ currentPassword: "Enter your current password." });
    if (!newPassword) return setErrors({ newPassword: "Enter a new password." });
    setErrors({});
    setPending("password");
    const { error } = await authClient.changePassword({ currentPassword, newPassword, revokeOtherSessions: true });
    setPending(null);
    if (error) {
      // A wrong current password is about the first field; every other refusal is about the new one.
      return setErrors({ [error.code === "INVALID_PASSWORD" ? "currentPassword" : "newPassword"]: describeAuthError(error).message });
    }
    form.reset();
    toast.success("Password changed. Your other browsers were signed out.");
    router.refresh();
  }

  async function onResend() {
    setPending("verify");
    const { error } = await authClient.sendVerificationEmail({ email, callbackURL: "/settings?email=verified" });
    setPending(null);
    if (error) return toast.error(describeAuthError(error).message);
    setEmailNotice(`We sent a confirmation link to ${email}.`);
  }

  return (
    <Card data-testid="sign-in-card">
      <CardHeader title="Email and password" description="How you sign in. Changing either signs your other browsers out or asks you to confirm by email." />
      <div className="grid gap-8 px-5 py-5 sm:px-6 lg:grid-cols-2">
        <form className="flex flex-col gap-4" onSubmit={onChangeEmail} noValidate data-testid="change-email-form">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-fg-muted">Current address</span>
            <span className="font-medium [overflow-wrap:anywhere]" data-testid="current-email">{email}</span>
            <Badge tone={emailVerified ? "success" : "neutral"} data-testid="email-verified">{emailVerified ? "Confirmed" : "Not confirmed"}</Badge>
            {!emailVerified ? (
              <Button type="button" size="sm" variant="ghost" pending={pending === "verify"} onClick={onResend} data-testid="resend-verification">
                Send confirmation link
              </Button>
            ) : null}
          </div>
          {linkError ? <FormAlert>{linkError}</FormAlert> : null}
          {emailNotice ? <p role="status" className="rounded-lg bg-accent-soft px-3 py-2 text-sm text-accent" data-testid="change-email-notice">{emailNotice}</p> : null}
          <Field label="New email address" name="newEmail" type="email" autoComplete="email" maxLength={EMAIL_MAX_LENGTH} error={errors.newEmail} />
          <Button type="submit" variant="secondary" pending={pending === "email"} className="self-start" data-testid="change-email-submit">
            Change email
          </Button>
        </form>
        <form className="flex flex-col gap-4" onSubmit={onChangePassword} noValidate data-testid="change-password-form">
          <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" maxLength={PASSWORD_MAX_LENGTH} error={errors.currentPassword} />
          <Field label="New password" name="newPassword" type="password" autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} error={errors.newPassword} />
          <Button type="submit" variant="secondary" pending={pending === "password"} className="self-start" data-testid="change-password-submit">
            Change password
          </Button>
        </form>
      </div>
    </Card>
  );
}
