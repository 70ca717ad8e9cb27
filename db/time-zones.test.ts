import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { POSTGRES_TIME_ZONES } from "@/lib/analytics/postgres-time-zones";
import { describeEachDriver } from "@/db/test/drivers";

describeEachDriver("the time zone allow-list", ({ db }) => {
  it("holds only zones this database accepts in `at time zone`", async () => {
    const zones = [...POSTGRES_TIME_ZONES];
    const list = zones.join(",");
    const result = await db().execute<{ zone: string }>(sql`
      select z as zone from unnest(string_to_array(${list}, ',')) z where z not in (select name from pg_timezone_names)
    `);
    expect((result as unknown as { rows: { zone: string }[] }).rows).toEqual([]);
    const converted = await db().execute<{ n: number }>(sql`
      select count(*)::int as n from unnest(string_to_array(${list}, ',')) z where (timestamptz '2030-01-01 00:00Z' at time zone z) is not null
    `);
    expect(Number((converted as unknown as { rows: { n: number }[] }).rows[0]?.n)).toBe(zones.length);
  });
});
