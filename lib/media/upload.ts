import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

/** Integer headers and query values arrive as strings. */
const intText = (max: number) => z.string().trim().regex(/^\d+$/, "must be a whole number").transform(Number).pipe(z.number().int().min(0).max(max));

export const audioUploadHeaders = z.object({
  "x-sequence-number": intText(100_000),
  "x-start-offset-ms": intText(86_400_000),
  "x-duration-ms": intText(600_000).optional(),
});

export const frameUploadHeaders = z.object({
  "x-offset-ms": intText(86_400_000),
  "x-frame-width": intText(10_000).optional(),
  "x-frame-height": intText(10_000).optional(),
});

/** Reads the named headers through a schema; a missing or malformed one is a 400 that says which. */
export function parseHeaders<T extends z.ZodType>(request: Request, schema: T, names: string[]): z.infer<T> {
  const raw = Object.fromEntries(names.flatMap((name) => (request.headers.has(name) ? [[name, request.headers.get(name)]] : [])));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("bad_request:media", `Header ${String(issue?.path[0] ?? "")}: ${issue?.message ?? "invalid"}.`);
  }
  return parsed.data;
}

/**
 * The request body, refused as soon as it grows past `maxBytes` (a lying or absent
 * Content-Length does not get the whole body buffered).
 */
export async function readBody(request: Request, maxBytes: number, what: string): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  const tooLarge = () => new AppError("too_large:media", `${what} is larger than ${Math.round(maxBytes / 1024)} kB.`);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) throw new AppError("bad_request:media", `${what} is empty.`);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (total === 0) throw new AppError("bad_request:media", `${what} is empty.`);
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}
