import type { Metadata } from "next";
import { getDb } from "@/db";
import { listApiKeys, listApiRequests } from "@/db/queries/api-keys";
import { CreateKeyForm } from "@/components/api-keys/create-key-form";
import { KeyList } from "@/components/api-keys/key-list";
import { RequestLog } from "@/components/api-keys/request-log";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/settings/api-keys");
  const db = await getDb();
  const keys = await listApiKeys(db, { userId: user.id });
  const requested = (await searchParams).key;
  const selected = typeof requested === "string" && UUID.test(requested) ? keys.find((key) => key.id === requested) : undefined;
  const requests = selected ? await listApiRequests(db, { userId: user.id, keyId: selected.id }) : [];
  const rows = keys.map((key) => ({
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    expiresAt: key.expiresAt?.toISOString() ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    expired: key.expired,
  }));
  return (
    <>
      <PageHeader
        title="API keys"
        description="Let your own programs read your conversations through the LiveMind API."
      />
      <div className="flex flex-col gap-6">
        <p className="text-sm text-fg-muted">
          Send a key as <code className="font-mono">Authorization: Bearer lm_…</code> to <code className="font-mono">/api/v1</code>. The{" "}
          {/* A plain link: the reference is a route handler's HTML, not a page the router can prefetch
              (its RSC prefetch never settled, so the page never went network-idle). */}
          <a href="/docs/api" className="text-accent underline-offset-2 hover:underline">
            API reference
          </a>{" "}
          lists every route and the scope it needs.
        </p>
        <CreateKeyForm create={createApiKeyAction} />
        <KeyList keys={rows} selectedId={selected?.id ?? null} revoke={revokeApiKeyAction} />
        {selected ? (
          <RequestLog
            keyName={selected.name}
            requests={requests.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))}
          />
        ) : null}
      </div>
    </>
  );
}
