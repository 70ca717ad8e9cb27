import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSessionUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/routes";

export const metadata: Metadata = { title: "Sign in" };

type Params = { next?: string; verified?: string; reset?: string; deleted?: string; error?: string };

// What the visitor just did elsewhere (a link from an email, a reset, an erasure), said on arrival.
function noticeFor(params: Params): { tone: "ok" | "error"; text: string } | null {
  if (params.error) return { tone: "error", text: "That link has expired or was used already. Sign in and ask for a new one." };
  if (params.verified) return { tone: "ok", text: "Your email address is confirmed. Sign in to continue." };
  if (params.reset) return { tone: "ok", text: "Your password is changed and every browser was signed out. Sign in with the new one." };
  if (params.deleted) return { tone: "ok", text: "Your account and everything in it are erased." };
  return null;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const next = safeReturnPath(typeof params.next === "string" ? params.next : undefined);
  if (await getSessionUser()) redirect(next);
  return <SignInForm next={next} notice={noticeFor(params)} />;
}
