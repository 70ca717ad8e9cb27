import { sql } from "drizzle-orm";
import type { Database } from "@/db/index";

/* What a database still holds of an erased account: shared by the erasure DAL test and the e2e check. */

export const rowsOf = async <T>(db: Database, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/** Every row anywhere that still points at the account: any column holding its id, session ids or address. */
export async function leftovers(db: Database, { id, email, conversationId = id }: { id: string; email: string; conversationId?: string }): Promise<string[]> {
  const columns = await rowsOf<{ table_name: string; column_name: string; data_type: string }>(
    db,
    sql`select table_name, column_name, data_type from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'uuid', 'ARRAY', 'jsonb', 'character varying')`,
  );
  const found: string[] = [];
  for (const { table_name: table, column_name: column, data_type: type } of columns) {
    const ref = sql.raw(`"${table}"."${column}"`);
    const from = sql.raw(`"${table}"`);
    const match =
      type === "ARRAY"
        ? sql`${ref}::text[] && array[${id}, ${email}, ${conversationId}]::text[]`
        : type === "jsonb"
          ? sql`${ref}::text like ${"%" + id + "%"} or ${ref}::text like ${"%" + email + "%"}`
          : sql`${ref}::text in (${id}, ${email}, ${conversationId})`;
    const [row] = await rowsOf<{ n: number | string }>(db, sql`select count(*) as n from ${from} where ${match}`);
    if (Number(row?.n) > 0) found.push(`${table}.${column}`);
  }
  return found;
}

