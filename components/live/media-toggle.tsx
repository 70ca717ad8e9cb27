import type { LucideIcon } from "lucide-react";
import { cn } from "@/components/ui/cn";

interface Props {
  label: string;
  on: boolean;
  onIcon: LucideIcon;
  offIcon: LucideIcon;
  onClick: () => void;
  disabled?: boolean;
  busy?: boolean;
  title?: string;
  testId: string;
}

/** A call-style toggle: an icon in a tile, its state shown by colour, its name underneath. */
export function MediaToggle({ label, on, onIcon: OnIcon, offIcon: OffIcon, onClick, disabled, busy, title, testId }: Props) {
  const Icon = on ? OnIcon : OffIcon;
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={onClick}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      title={title}
      data-testid={testId}
      className={cn(
        "flex min-w-0 flex-col items-center gap-1.5 rounded-xl border px-2 py-2.5 text-xs font-medium transition-colors",
        "disabled:cursor-not-allowed disabled:opacity-50",
        on ? "border-accent/40 bg-accent-soft text-accent" : "border-border bg-surface text-fg-muted enabled:hover:bg-surface-muted enabled:hover:text-fg",
        busy && "animate-pulse",
      )}
    >
      <Icon aria-hidden className="size-5" />
      <span className="truncate">{label}</span>
    </button>
  );
}
