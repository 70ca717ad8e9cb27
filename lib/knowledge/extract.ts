import "server-only";
import type { PageText } from "./chunk";
import type { KnowledgeMime } from "./limits";

/** A document that can never be read: the reason is shown to the user as is. */
export class UnreadableDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableDocumentError";
  }
}

/** The text of a document, page by page for PDFs (unpdf, the serverless build of pdf.js). */
export async function extractPages(bytes: Uint8Array, mimeType: KnowledgeMime): Promise<PageText[]> {
  if (mimeType !== "application/pdf") return [{ page: null, text: new TextDecoder().decode(bytes) }];
  const { extractText, getDocumentProxy } = await import("unpdf");
  let pages: string[];
  try {
    // pdf.js takes ownership of the buffer it is given: pass a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    pages = (await extractText(pdf, { mergePages: false })).text;
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "PasswordException") throw new UnreadableDocumentError("This PDF is protected by a password. Remove the password and upload it again.");
    throw new UnreadableDocumentError("This PDF could not be read: it looks damaged.");
  }
  const out = pages.map((text, i) => ({ page: i + 1, text })).filter((page) => page.text.trim().length > 0);
  if (out.length === 0) throw new UnreadableDocumentError("This PDF has no text: it looks scanned. Upload a PDF with selectable text.");
  return out;
}
