/* RFC 4180 CSV: every chart's numbers, downloadable. */

export interface TableColumn<Row> {
  key: keyof Row & string;
  label: string;
}

export interface DataTable<Row extends object = Record<string, string | number | null>> {
  columns: TableColumn<Row>[];
  rows: Row[];
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value !== "number" ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv<Row extends object>(table: DataTable<Row>): string {
  const lines = [table.columns.map((column) => cell(column.label)).join(",")];
  for (const row of table.rows) lines.push(table.columns.map((column) => cell(row[column.key])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
