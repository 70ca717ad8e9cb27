import { AppShell } from "@/components/shell/app-shell";
import { requirePageUser } from "@/lib/auth/session";
import { APP_HOME } from "@/lib/routes";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser(APP_HOME);
  return <AppShell user={user}>{children}</AppShell>;
}
