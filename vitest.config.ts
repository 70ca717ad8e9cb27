import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Vitest has no react-server condition, so the real package would throw on import.
      { find: /^server-only$/, replacement: path.join(root, "db/test/empty-module.ts") },
    ],
  },
  test: {
    environment: "node",
    include: [
      "lib/**/*.test.ts",
      "db/**/*.test.ts",
      "components/**/*.test.{ts,tsx}",
      "app/**/*.test.ts",
      "e2e/gemini-double/**/*.test.ts",
      "e2e/bench/**/*.test.ts",
    ],
    exclude: ["**/node_modules/**", "e2e/**/*.spec.ts", ".next*/**", ".data/**"],
    globalSetup: ["db/test/global-setup.ts"],
    // Vitest's default (cores - 1) runs files one by one on a 2-core machine; the database suites
    // spend much of their time waiting on PostgreSQL, so two files at a time pay off.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
