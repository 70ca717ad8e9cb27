import "server-only";
import { cookies } from "next/headers";
import { resolveTimeZone, TIME_ZONE_COOKIE } from "./time-zone";

/** The zone the browser reported (TimeZoneSync), UTC until it has. */
export async function getViewerTimeZone(): Promise<string> {
  return resolveTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
}
