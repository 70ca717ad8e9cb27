import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Vercel Cron calls with `Authorization: Bearer $CRON_SECRET`; so may any scheduler. */
export function authorizeCron(request: Request): void {
  if (!env.CRON_SECRET) throw new AppError("unavailable:api", "CRON_SECRET is not configured on this deployment.");
  const given = request.headers.get("authorization") ?? "";
  // Compared as digests so the comparison takes the same time whatever was sent.
  if (!timingSafeEqual(digest(given), digest(`Bearer ${env.CRON_SECRET}`))) {
    throw new AppError("unauthorized:auth", "A valid cron bearer token is required.");
  }
}
