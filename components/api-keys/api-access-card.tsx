import { KeySquare, Webhook } from "lucide-react";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";

/** The way from Settings to the keys programs use (the Gemini key above is a different thing). */
export function ApiAccessCard({ activeKeys }: { activeKeys: number }) {
  return (
    <Card data-testid="api-access-card">
      <CardHeader title="API access" description="Keys for your own programs to read your conversations, transcripts and insights, and webhooks that tell them when something happens." />
      <div className="flex flex-wrap items-center justify-between gap-3 px-5 py-4 sm:px-6">
        <p className="text-sm text-fg-muted">{activeKeys === 0 ? "No active keys." : `${activeKeys} active key${activeKeys === 1 ? "" : "s"}.`}</p>
        <div className="flex flex-wrap gap-2">
          <Link href="/settings/api-keys" className={buttonClasses({ variant: "secondary" })} data-testid="manage-api-keys">
            <KeySquare aria-hidden className="size-4" />
            Manage API keys
          </Link>
          <Link href="/settings/webhooks" className={buttonClasses({ variant: "secondary" })} data-testid="manage-webhooks">
            <Webhook aria-hidden className="size-4" />
            Webhooks
          </Link>
        </div>
      </div>
    </Card>
  );
}
