import "server-only";
import type { Database } from "@/db";
import { listDeviceSessions, revokeDeviceSession, revokeOtherDeviceSessions } from "@/db/queries/devices";
import { AppError } from "@/lib/errors/app-error";
import { describeUserAgent, maskIpAddress } from "./device-label";
import type { DeviceView } from "./schema";

/** The user's signed-in browsers as Settings shows them: no token, no full address. */
export async function listDevices(db: Database, { userId, currentSessionId }: { userId: string; currentSessionId: string | null }): Promise<DeviceView[]> {
  const sessions = await listDeviceSessions(db, { userId });
  // This browser first, then the others by last use.
  const ordered = [...sessions.filter((s) => s.id === currentSessionId), ...sessions.filter((s) => s.id !== currentSessionId)];
  return ordered.map((s) => ({
    id: s.id,
    label: describeUserAgent(s.userAgent),
    ipHint: maskIpAddress(s.ipAddress),
    signedInAt: s.createdAt.toISOString(),
    lastUsedAt: s.lastUsedAt.toISOString(),
    current: s.id === currentSessionId,
  }));
}

export async function signOutDevice(db: Database, { userId, currentSessionId, sessionId }: { userId: string; currentSessionId: string | null; sessionId: string }): Promise<DeviceView[]> {
  // This browser signs out with the Sign out button, which also clears its cookie.
  if (sessionId === currentSessionId) throw new AppError("bad_request:device", "This is the browser you are using. Use Sign out instead.");
  await revokeDeviceSession(db, { userId, sessionId });
  return listDevices(db, { userId, currentSessionId });
}

export async function signOutOtherDevices(db: Database, { userId, currentSessionId }: { userId: string; currentSessionId: string | null }): Promise<DeviceView[]> {
  if (!currentSessionId) throw new AppError("unauthorized:auth");
  await revokeOtherDeviceSessions(db, { userId, keepSessionId: currentSessionId });
  return listDevices(db, { userId, currentSessionId });
}
