import { AudioLines } from "lucide-react";
import Link from "next/link";
import { cn } from "@/components/ui/cn";

export function Logo({ href = "/", className }: { href?: string; className?: string }) {
  return (
    <Link href={href} className={cn("inline-flex items-center gap-2 rounded-lg font-semibold tracking-tight text-fg", className)}>
      <span className="grid size-8 place-items-center rounded-lg bg-accent text-accent-fg shadow-sm">
        <AudioLines aria-hidden className="size-4.5" />
      </span>
      <span className="text-lg">LiveMind</span>
    </Link>
  );
}
