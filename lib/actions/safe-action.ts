import "server-only";
import type { z } from "zod";
import { getDb, type Database } from "@/db";
import { requireAdmin, requireUser, type SessionUser } from "@/lib/auth/session";
import { AppError, fieldErrorsOf, toPublicError, type PublicError } from "@/lib/errors/app-error";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: PublicError };

interface ActionContext {
  user: SessionUser;
  db: Database;
}

type Handler<S extends z.ZodType, T> = (input: z.infer<S>, ctx: ActionContext) => Promise<T>;

function makeAction<S extends z.ZodType, T>(authorize: () => Promise<SessionUser>, schema: S, handler: Handler<S, T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const user = await authorize();
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        throw new AppError("bad_request:input", undefined, { fieldErrors: fieldErrorsOf(parsed.error) });
      }
      return { ok: true, data: await handler(parsed.data, { user, db: await getDb() }) };
    } catch (error) {
      return { ok: false, error: toPublicError(error, "action").body };
    }
  };
}

/** Every server action goes through one of these: session check, then zod parse, then the DAL. */
export const authedAction = <S extends z.ZodType, T>(schema: S, handler: Handler<S, T>) =>
  makeAction(requireUser, schema, handler);

export const adminAction = <S extends z.ZodType, T>(schema: S, handler: Handler<S, T>) =>
  makeAction(requireAdmin, schema, handler);
