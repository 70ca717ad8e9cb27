import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-5 text-center">
      <Logo className="mb-10" />
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-2 max-w-sm text-fg-muted">The page you asked for does not exist, or you do not have access to it.</p>
      <Link href="/" className={buttonClasses({ className: "mt-8" })}>
        Back to LiveMind
      </Link>
    </main>
  );
}
