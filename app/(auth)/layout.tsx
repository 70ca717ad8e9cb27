import { Logo } from "@/components/brand/logo";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center px-5 py-8 sm:justify-center sm:py-12">
      <Logo className="mb-8" />
      <main className="w-full max-w-sm">{children}</main>
    </div>
  );
}
