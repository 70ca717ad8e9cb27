import { ArrowRight, KeyRound, ShieldCheck } from "lucide-react";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

const copy = {
  missing: {
    title: "Add your Gemini API key to start talking",
    text: "Your companion runs on Google's Gemini Live. Paste a key from Google AI Studio in Settings once, and every conversation after that starts with one click.",
    action: "Add a key in Settings",
  },
  invalid: {
    title: "Your Gemini API key stopped working",
    text: "Google refused the key you saved, so a conversation can't start. Replace it in Settings with a working key from Google AI Studio.",
    action: "Replace the key in Settings",
  },
};

/** Shown instead of Start when no working Gemini key is available: the user's own nor the deployment's. */
export function NoKeyCard({ reason }: { reason: keyof typeof copy }) {
  const { title, text, action } = copy[reason];
  return (
    <Card className="overflow-hidden" data-testid="live-no-key" data-reason={reason}>
      <div className="flex flex-col items-center gap-5 px-6 py-12 text-center sm:px-12 sm:py-16">
        <span className="grid size-14 place-items-center rounded-2xl bg-accent-soft text-accent">
          <KeyRound aria-hidden className="size-7" />
        </span>
        <div className="max-w-md">
          <h2 className="text-xl font-semibold tracking-tight">{title}</h2>
          <p className="mt-2 text-pretty text-fg-muted">{text}</p>
        </div>
        <Link href="/settings" className={buttonClasses({ size: "lg" })} data-testid="live-add-key">
          {action}
          <ArrowRight aria-hidden className="size-4" />
        </Link>
        <p className="inline-flex items-center gap-1.5 text-left text-sm text-fg-muted">
          <ShieldCheck aria-hidden className="size-4 shrink-0" />
          Stored encrypted. Only its last four characters are ever shown again.
        </p>
      </div>
    </Card>
  );
}
