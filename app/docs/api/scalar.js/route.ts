import { readFile } from "node:fs/promises";
import path from "node:path";

/*
 * Scalar's browser bundle, from the installed package (next.config.ts traces the file into the
 * deployment). Same origin: the pages' script-src admits it without a CDN.
 */
const bundlePath = path.join(process.cwd(), "node_modules/@scalar/api-reference/dist/browser/standalone.js");
let bundle: Promise<Buffer> | null = null;

export async function GET(): Promise<Response> {
  bundle ??= readFile(bundlePath);
  return new Response(new Uint8Array(await bundle), {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400" },
  });
}
