import { startGeminiDouble } from "./server";

/*
 * CLI for Playwright's webServer: `tsx e2e/gemini-double/main.ts`. Port from GEMINI_DOUBLE_PORT
 * (default 3199); extra accepted keys from GEMINI_DOUBLE_VALID_KEYS (comma-separated).
 */

const port = Number(process.env.GEMINI_DOUBLE_PORT ?? 3199);
const validKeys = (process.env.GEMINI_DOUBLE_VALID_KEYS ?? "")
  .split(",")
  .map((key) => key.trim())
  .filter(Boolean);

const double = await startGeminiDouble({ port, validKeys });
console.log(`Gemini Live test double listening on ${double.url}`);

const stop = () => {
  void double.close().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
