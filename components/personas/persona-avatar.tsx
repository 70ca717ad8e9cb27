import { cn } from "@/components/ui/cn";
import { colorClasses, initialsOf } from "@/lib/personas/palette";

const sizes = { sm: "size-8 text-xs", md: "size-11 text-sm", lg: "size-16 text-xl" } as const;

/** A persona's face: its initials on its colour. */
export function PersonaAvatar({ name, initials = "", color, size = "md", className }: { name: string; initials?: string; color: string; size?: keyof typeof sizes; className?: string }) {
  return (
    <span aria-hidden className={cn("inline-grid shrink-0 place-items-center rounded-full font-semibold tracking-wide select-none", sizes[size], colorClasses(color), className)}>
      {initialsOf(name, initials)}
    </span>
  );
}
