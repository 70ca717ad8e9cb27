import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

const uuid = z.uuid();

/** A route's `[id]`-style segment; anything but a uuid is a 404 like an unknown id. */
export async function uuidParam<K extends string>(params: Promise<Record<K, string>>, key: K): Promise<string> {
  const parsed = uuid.safeParse((await params)[key]);
  if (!parsed.success) throw new AppError("not_found:media");
  return parsed.data;
}
