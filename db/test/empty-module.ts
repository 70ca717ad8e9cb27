// Stands in for `server-only` under Vitest, which cannot resolve its react-server export.
export {};
