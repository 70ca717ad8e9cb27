import { AudioLines, Camera, History, Sparkles } from "lucide-react";
import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import { buttonClasses } from "@/components/ui/button";

const features = [
  { icon: AudioLines, title: "Talk, naturally", text: "Speak and hear answers in a natural voice. Interrupt any time, just like a conversation." },
  { icon: Camera, title: "Show, not tell", text: "Turn on your camera or share a screen and ask about what you see." },
  { icon: History, title: "Nothing forgotten", text: "Every conversation is kept, searchable, and replayable with its audio." },
  { icon: Sparkles, title: "Remembers you", text: "What matters carries over, so the next talk picks up where the last one left off." },
];

export default function LandingPage() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-6xl items-center justify-between px-5 py-5 sm:px-8">
        <Logo />
        <nav className="flex items-center gap-2">
          <Link href="/sign-in" className={buttonClasses({ variant: "ghost" })}>
            Sign in
          </Link>
          <Link href="/sign-up" className={buttonClasses()}>
            Get started
          </Link>
        </nav>
      </header>

      <main className="mx-auto flex w-full max-w-6xl flex-1 flex-col px-5 sm:px-8">
        <section className="flex flex-col items-center py-16 text-center sm:py-24">
          <span className="mb-6 inline-flex items-center gap-2 rounded-full border border-border bg-surface px-3 py-1 text-sm text-fg-muted">
            <span className="size-2 rounded-full bg-success" aria-hidden />
            Powered by Gemini Live
          </span>
          <h1 className="max-w-3xl text-4xl font-semibold tracking-tight text-balance sm:text-6xl">
            An AI companion you can <span className="text-accent">talk to</span>
          </h1>
          <p className="mt-5 max-w-xl text-lg text-pretty text-fg-muted">
            LiveMind listens, sees what you show it, answers out loud, and keeps every conversation so you can search,
            replay and pick up again.
          </p>
          <div className="mt-9 flex flex-col gap-3 sm:flex-row">
            <Link href="/sign-up" className={buttonClasses({ size: "lg" })} data-testid="landing-get-started">
              Create your account
            </Link>
            <Link href="/sign-in" className={buttonClasses({ size: "lg", variant: "secondary" })}>
              I already have one
            </Link>
          </div>
        </section>

        <section aria-label="What LiveMind does" className="grid gap-4 pb-20 sm:grid-cols-2 lg:grid-cols-4">
          {features.map(({ icon: Icon, title, text }) => (
            <div key={title} className="rounded-2xl border border-border bg-surface p-5 shadow-sm">
              <span className="mb-4 grid size-10 place-items-center rounded-xl bg-accent-soft text-accent">
                <Icon aria-hidden className="size-5" />
              </span>
              <h2 className="font-semibold">{title}</h2>
              <p className="mt-1.5 text-sm text-fg-muted">{text}</p>
            </div>
          ))}
        </section>
      </main>

      <footer className="border-t border-border px-5 py-6 text-center text-sm text-pretty text-fg-muted">
        Your conversations stay yours: recording is opt-in, and you can export or erase everything.
      </footer>
    </div>
  );
}
