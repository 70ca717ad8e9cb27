import { CircleCheck } from "lucide-react";

/** A success or information line at the top of an auth form (the counterpart of FormAlert). */
export function FormNotice({ children, testId }: { children: React.ReactNode; testId?: string }) {
  return (
    <div role="status" data-testid={testId} className="flex items-start gap-2 rounded-lg bg-success-soft px-3 py-2.5 text-sm text-success">
      <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>{children}</span>
    </div>
  );
}
