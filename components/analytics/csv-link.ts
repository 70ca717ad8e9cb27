import type { ZonedRange } from "@/lib/analytics/range";

/** Where a chart's CSV comes from: the same range and zone as the page, so it matches the chart. */
export interface CsvSource {
  endpoint: "/api/insights/csv" | "/api/admin/analytics/csv";
  range: ZonedRange;
  userId?: string;
}

export function csvHref({ endpoint, range, userId }: CsvSource, chart: string): string {
  const params = new URLSearchParams({ chart, range: "custom", from: range.from, to: range.to, tz: range.timeZone });
  if (userId) params.set("userId", userId);
  return `${endpoint}?${params}`;
}
