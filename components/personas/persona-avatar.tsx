import { cn } from "@/components/ui/cn";
import { colorClasses, initialsOf } from "@/lib/personas/palette";
import { personaPicturePath } from "@/lib/personas/picture";

const sizes = { xs: "size-5 text-[9px]", sm: "size-8 text-xs", md: "size-11 text-sm", lg: "size-16 text-xl" } as const;

/**
 * A persona's face: its uploaded picture when it has one, else its initials on its colour.
 * Decorative (the name is always written beside it), so hidden from assistive technology.
 */
export function PersonaAvatar({
  name,
  initials = "",
  color,
  size = "md",
  className,
  picture,
}: {
  name: string;
  initials?: string;
  color: string;
  size?: keyof typeof sizes;
  className?: string;
  /** The persona's id and picture version, when it has an uploaded picture. */
  picture?: { personaId: string; version: number | null } | null;
}) {
  if (picture?.version) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- a private, user-scoped image: next/image's optimiser would fetch it without the user's cookie.
      <img
        aria-hidden
        alt=""
        src={personaPicturePath(picture.personaId, picture.version)}
        className={cn("inline-block shrink-0 rounded-full bg-surface-muted object-cover ring-1 ring-border", sizes[size], className)}
        data-testid="persona-picture"
      />
    );
  }
  return (
    <span aria-hidden className={cn("inline-grid shrink-0 place-items-center rounded-full font-semibold tracking-wide select-none", sizes[size], colorClasses(color), className)}>
      {initialsOf(name, initials)}
    </span>
  );
}
