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
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
