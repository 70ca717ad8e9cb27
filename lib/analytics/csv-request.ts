import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { toCsv, type DataTable } from "./csv";
import { checkCustomRange, rangeShape, resolveRange, type ZonedRange } from "./range";
import { storableText } from "@/lib/validation/columns";
import { DEFAULT_TIME_ZONE, isValidTimeZone } from "./time-zone";

/*
 * The query string of a chart's CSV download: which chart, the range and the zone its days
 * were counted in (the page puts its own into every link), and for admins an optional user.
 */

export function parseCsvQuery<const Chart extends string>(url: URL, charts: readonly [Chart, ...Chart[]], { allowUser }: { allowUser: boolean }) {
  const schema = z
    .strictObject({
      chart: z.enum(charts),
      tz: z.string().refine(isValidTimeZone, "Not a time zone this server knows.").default(DEFAULT_TIME_ZONE),
      userId: allowUser ? storableText().trim().min(1).max(100).optional() : z.never().optional(),
      ...rangeShape,
    })
    .superRefine(checkCustomRange);
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "query"] ??= []).push(issue.message);
    throw new AppError("bad_request:input", "That download link is not valid.", { fieldErrors });
  }
  const { chart, tz, userId, ...params } = parsed.data;
  const { from, to } = resolveRange(params, { timeZone: tz });
  const range: ZonedRange = { from, to, timeZone: tz };
  return { chart: chart as Chart, range, userId: (userId as string | undefined) ?? null };
}

export function csvResponse(table: DataTable, filename: string): Response {
  return new Response(toCsv(table), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^a-z0-9._-]/gi, "-")}"`,
      "cache-control": "no-store",
    },
  });
}

export const csvFilename = (prefix: string, chart: string, range: ZonedRange) => `${prefix}-${chart}-${range.from}-to-${range.to}.csv`;
