import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { getUserRole } from "@/db/queries/users";
import { AppError } from "@/lib/errors/app-error";
import { RETURN_PATH_HEADER, safeReturnPath } from "@/lib/routes";
import { getAuth } from "./server";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: "user" | "admin";
}

const getAuthSession = cache(async () => {
  const auth = await getAuth();
  return auth.api.getSession({ headers: await headers() });
});

/** The id of this request's sign-in session (the browser asking), or null. */
export async function getCurrentSessionId(): Promise<string | null> {
  return (await getAuthSession())?.session.id ?? null;
}

/** The signed-in user of this request, or null. Cached per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getAuthSession();
  if (!session) return null;
  const { id, name, email, role } = session.user;
  return { id, name, email, role: role === "admin" ? "admin" : "user" };
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized:auth");
  return user;
}

/** Admin surfaces answer 404 to everyone else; the role is read fresh from the database. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  const role = await getUserRole(await getDb(), { userId: user.id });
  if (role !== "admin") throw new AppError("not_found:admin");
  return { ...user, role };
}

/**
 * For pages: a visitor without a session goes to sign-in and comes back afterwards, to the page
 * asked for (proxy.ts passes it on) or else `fallback`.
 */
export async function requirePageUser(fallback: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) {
    const requested = (await headers()).get(RETURN_PATH_HEADER);
    redirect(`/sign-in?next=${encodeURIComponent(requested ? safeReturnPath(requested) : fallback)}`);
  }
  return user;
}

export async function requirePageAdmin(): Promise<SessionUser> {
  await requirePageUser("/admin");
  try {
    return await requireAdmin();
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found:admin") notFound();
    throw error;
  }
}
