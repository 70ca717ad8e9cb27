/** What the global setup hands to test files about the throwaway PostgreSQL server. */
export type TestPostgres =
  | { available: true; url: string; host: string; port: number; wsProxyPort: number }
  | { available: false; reason: string };

declare module "vitest" {
  export interface ProvidedContext {
    testPostgres: TestPostgres;
    /** A tarball of a migrated PGlite data directory (see pglite-snapshot.ts). */
    pgliteSnapshot: string;
  }
}
