/** The compact line for one memory tool answer ("Recalled 3 memories"): counts, never content. */
export function summarizeToolResult(name: string, result: unknown): string | null {
  const body = (result ?? {}) as { ok?: boolean; count?: number; saved?: string; forgotten?: string[]; error?: string; reason?: string };
  if (body.error) return `${name}: ${body.error}`;
  if (body.ok === false) return `${name}: ${body.reason ?? "refused"}`;
  const plural = (n: number) => (n === 1 ? "memory" : "memories");
  if (name === "recall_memories") return `Recalled ${body.count ?? 0} ${plural(body.count ?? 0)}`;
  if (name === "save_memory" && body.saved) return "Saved a memory";
  if (name === "forget_memory") return `Forgot ${body.forgotten?.length ?? 0} ${plural(body.forgotten?.length ?? 0)}`;
  return null;
}
