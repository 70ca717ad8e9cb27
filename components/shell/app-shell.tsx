import { Logo } from "@/components/brand/logo";
import type { SessionUser } from "@/lib/auth/session";
import { APP_HOME } from "@/lib/routes";
import { AppNav } from "./app-nav";
import { UserMenu } from "./user-menu";

export function AppShell({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  const isAdmin = user.role === "admin";
  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[248px_1fr]">
      {/* The column carries the border and background, so they run the page's full height. */}
      <div className="hidden border-r border-border bg-surface lg:block">
        <aside className="sticky top-0 flex h-dvh flex-col px-3 py-5">
          <Logo href={APP_HOME} className="mb-8 px-2" />
          <AppNav isAdmin={isAdmin} orientation="vertical" />
          <div className="mt-auto border-t border-border pt-3">
            <UserMenu name={user.name} email={user.email} isAdmin={isAdmin} />
          </div>
        </aside>
      </div>

      <header className="sticky top-0 z-10 border-b border-border bg-surface/90 backdrop-blur lg:hidden">
        <div className="flex items-center justify-between px-4 py-3">
          <Logo href={APP_HOME} />
          <UserMenu name={user.name} email={user.email} isAdmin={isAdmin} />
        </div>
        <div className="px-2 pb-2 sm:px-3">
          <AppNav isAdmin={isAdmin} orientation="horizontal" />
        </div>
      </header>

      <main className="min-w-0 px-4 py-6 sm:px-8 lg:py-10">
        <div className="mx-auto max-w-4xl">{children}</div>
      </main>
    </div>
  );
}
