/*
 * What the server log may say about an unexpected error: the operation, each error's class and
 * code along its cause chain (a Postgres error's code is its SQLSTATE), and where it was thrown.
 * Never a message: a failed query's message carries its SQL parameters (titles, transcript
 * text, user ids), and a driver's message and detail quote the offending value.
 */

interface LoggedCause {
  error: string;
  code?: string;
}

const MAX_CAUSES = 5;

function causes(error: unknown): LoggedCause[] {
  const out: LoggedCause[] = [];
  for (let at: unknown = error; at != null && out.length < MAX_CAUSES; at = (at as { cause?: unknown }).cause) {
    if (typeof at !== "object" && typeof at !== "function") {
      out.push({ error: typeof at });
      break;
    }
    const { name, code } = at as { name?: unknown; code?: unknown };
    out.push({ error: typeof name === "string" ? name : (at.constructor?.name ?? "Object"), ...(typeof code === "string" || typeof code === "number" ? { code: String(code) } : {}) });
  }
  return out;
}

/** The stack's frames without its first line, which repeats the message. */
function frames(error: unknown): string | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  if (!stack) return undefined;
  const lines = stack.split("\n").filter((line) => /^\s+at /.test(line));
  return lines.slice(0, 8).map((line) => line.trim()).join(" | ") || undefined;
}

export function describeError(error: unknown): { causes: LoggedCause[]; sqlstate?: string; at?: string } {
  const chain = causes(error);
  const sqlstate = chain.find((cause) => cause.code && /^[0-9A-Z]{5}$/.test(cause.code))?.code;
  return { causes: chain, ...(sqlstate ? { sqlstate } : {}), ...(frames(error) ? { at: frames(error) } : {}) };
}

/** Logs a failed operation with its error codes only. */
export function logError(operation: string, error: unknown): void {
  console.error(`[${operation}] failed`, JSON.stringify(describeError(error)));
}
