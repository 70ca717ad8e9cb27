"use client";

import { Copy, MessageCircle, Pencil, Plus, Sparkles, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PERSONA_GALLERY } from "@/lib/personas/gallery";
import { languageOf } from "@/lib/personas/languages";
import type { Persona } from "@/lib/personas/schema";
import { PersonaAvatar } from "./persona-avatar";
import type { PersonaActions } from "./persona-types";

type Pending = { kind: "gallery"; key: string } | { kind: "duplicate" | "delete"; id: string } | null;

/** The user's personas as cards, and the ready-made ones to start from. */
export function PersonasView({ initial, actions }: { initial: Persona[]; actions: Pick<PersonaActions, "createPersonaFromGallery" | "duplicatePersona" | "deletePersona"> }) {
  const router = useRouter();
  const [personas, setPersonas] = useState(initial);
  const [pending, setPending] = useState<Pending>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Persona | null>(null);

  async function fromGallery(key: string) {
    setPending({ kind: "gallery", key });
    setError(null);
    const result = await actions.createPersonaFromGallery({ key });
    if (result.ok) router.push(`/personas/${result.data.id}`);
    else {
      setError(result.error.message);
      setPending(null);
    }
  }

  async function duplicate(persona: Persona) {
    setPending({ kind: "duplicate", id: persona.id });
    setError(null);
    const result = await actions.duplicatePersona({ personaId: persona.id });
    if (result.ok) setPersonas((list) => [...list, result.data]);
    else setError(result.error.message);
    setPending(null);
  }

  async function remove(persona: Persona) {
    setPending({ kind: "delete", id: persona.id });
    const result = await actions.deletePersona({ personaId: persona.id });
    if (result.ok) setPersonas((list) => list.filter((p) => p.id !== persona.id));
    else setError(result.error.message);
    setPending(null);
    setDeleting(null);
  }

  return (
    <div className="flex flex-col gap-8">
      {error ? (
        <p role="alert" className="rounded-lg border border-danger/40 bg-danger-soft px-4 py-3 text-sm text-danger">
          {error}
        </p>
      ) : null}

      <section aria-labelledby="your-personas" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="your-personas" className="text-lg font-semibold">
            Your personas
          </h2>
          <Link href="/personas/new" className={buttonClasses({ size: "md" })} data-testid="persona-new">
            <Plus aria-hidden className="size-4" />
            New persona
          </Link>
        </div>
        {personas.length === 0 ? (
          <Card className="px-5 py-8 text-center text-sm text-fg-muted" data-testid="personas-empty">
            No personas yet. Start from one below, or create your own: a name, a voice and a few words on how it should talk.
          </Card>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="persona-list">
            {personas.map((persona) => (
              <li key={persona.id} className="min-w-0">
                <Card className="flex h-full flex-col gap-3 p-4" data-testid="persona-card" data-persona-id={persona.id}>
                  <div className="flex items-start gap-3">
                    <PersonaAvatar name={persona.name} initials={persona.initials} color={persona.color} picture={{ personaId: persona.id, version: persona.pictureVersion }} />
                    <div className="min-w-0 flex-1">
                      <h3 className="truncate font-semibold" data-testid="persona-name">
                        {persona.name}
                      </h3>
                      <p className="truncate text-sm text-fg-muted" data-testid="persona-voice">
                        {persona.voice} · {languageOf(persona.language).label}
                      </p>
                    </div>
                  </div>
                  <p className="line-clamp-2 flex-1 text-sm text-fg-muted [overflow-wrap:anywhere]">{persona.personality || persona.instructions || "No instructions yet."}</p>
                  <div className="flex flex-wrap gap-1.5">
                    <Link href={`/live?persona=${persona.id}`} className={buttonClasses({ size: "sm" })} data-testid="persona-talk">
                      <MessageCircle aria-hidden className="size-4" />
                      Talk
                    </Link>
                    <Link href={`/personas/${persona.id}`} className={buttonClasses({ variant: "secondary", size: "sm" })} data-testid="persona-edit">
                      <Pencil aria-hidden className="size-4" />
                      Edit
                    </Link>
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => void duplicate(persona)}
                      pending={pending?.kind === "duplicate" && pending.id === persona.id}
                      aria-label={`Duplicate ${persona.name}`}
                      data-testid="persona-duplicate"
                    >
                      <Copy aria-hidden className="size-4" />
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => setDeleting(persona)} aria-label={`Delete ${persona.name}`} data-testid="persona-delete">
                      <Trash2 aria-hidden className="size-4" />
                    </Button>
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="persona-gallery" className="flex flex-col gap-3">
        <div>
          <h2 id="persona-gallery" className="text-lg font-semibold">
            Start from a ready-made persona
          </h2>
          <p className="text-sm text-fg-muted">A copy goes into your list; change anything you like.</p>
        </div>
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {PERSONA_GALLERY.map((item) => (
            <li key={item.key}>
              <Card className="flex h-full flex-col gap-3 border-dashed p-4" data-testid={`gallery-${item.key}`}>
                <div className="flex items-center gap-3">
                  <PersonaAvatar name={item.name} initials={item.initials} color={item.color} />
                  <div className="min-w-0">
                    <h3 className="font-semibold">{item.name}</h3>
                    <p className="text-sm text-fg-muted">
                      {item.voice} · {languageOf(item.language).label}
                    </p>
                  </div>
                </div>
                <p className="flex-1 text-sm text-fg-muted">{item.blurb}</p>
                <Button
                  variant="secondary"
                  size="sm"
                  className="self-start"
                  onClick={() => void fromGallery(item.key)}
                  pending={pending?.kind === "gallery" && pending.key === item.key}
                  disabled={pending?.kind === "gallery"}
                  data-testid="gallery-use"
                >
                  {pending?.kind === "gallery" && pending.key === item.key ? null : <Sparkles aria-hidden className="size-4" />}
                  Use this one
                </Button>
              </Card>
            </li>
          ))}
        </ul>
      </section>

      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete ${deleting?.name ?? "this persona"}?`}
        description="Your past conversations with it stay, under the name they had. This cannot be undone."
        confirmLabel="Delete persona"
        pending={pending?.kind === "delete"}
        onConfirm={() => deleting && void remove(deleting)}
        testId="persona-delete-dialog"
      />
    </div>
  );
}
