import type { DataTable as Table } from "@/lib/analytics/csv";

/** A chart's numbers as a real table: for screen readers, for reading exact values, and what the CSV holds. */
export function DataTable({ table, caption, testId }: { table: Table; caption: string; testId: string }) {
  return (
    <div className="max-h-80 overflow-auto rounded-lg border border-border">
      <table className="w-full text-left text-xs tabular-nums" data-testid={`${testId}-table`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-surface-muted text-fg-muted">
          <tr>
            {table.columns.map((column) => (
              <th key={column.key} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {table.rows.map((row, index) => (
            <tr key={index}>
              {table.columns.map((column) => (
                <td key={column.key} className="px-3 py-1.5 whitespace-nowrap">
                  {row[column.key] ?? ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
