/** The warning shown wherever the real-server suites are skipped: it must not be missed. */
export function warnPostgresSkipped(reason: string, what: string): void {
  const banner = "!".repeat(78);
  console.warn(
    `\n${banner}\n!! SKIPPED: ${what}\n!! ${reason}\n` +
      `!! The real-PostgreSQL and Neon-driver suites did NOT run. Install PostgreSQL 15\n` +
      `!! (apt-get install postgresql-15) or set LIVEMIND_TEST_PG_BIN to its bin directory.\n${banner}\n`,
  );
}
