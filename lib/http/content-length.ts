import "server-only";

/**
 * Next 16 writes a route handler's headers through `sendResponse`, which drops Content-Length
 * from every answer (its body may have been re-encoded on the way). The length of a byte range
 * we stream ourselves is exact, and HEAD exists to tell it, so this answer hands the header over
 * under a spelling that filter does not match; Node treats header names case-insensitively, so
 * the client receives an ordinary Content-Length.
 */
export function keepContentLength(response: Response): Response {
  if (!response.headers.has("content-length")) return response;
  Object.defineProperty(response, "headers", { value: new LengthKeepingHeaders(response.headers) });
  return response;
}

class LengthKeepingHeaders extends Headers {
  override forEach(callback: (value: string, name: string, parent: Headers) => void, thisArg?: unknown): void {
    super.forEach((value, name, parent) => callback.call(thisArg, value, name === "content-length" ? "Content-Length" : name, parent));
  }
}
