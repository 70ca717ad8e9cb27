import { AppError } from "@/lib/errors/app-error";
import { looksLikePdf, looksLikeUtf8Text } from "@/lib/media/sniff";
import { type KnowledgeMime, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_NAME } from "./limits";

/**
 * What an uploaded file is, from its name and its first bytes: the extension picks the kind and
 * the bytes must agree (a PNG renamed .pdf or .txt is refused). Throws a 4xx AppError otherwise.
 */
export function checkUpload({ name, bytes }: { name: string; bytes: Uint8Array }): { name: string; mimeType: KnowledgeMime } {
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(-MAX_DOCUMENT_NAME);
  if (!clean) throw new AppError("bad_request:knowledge", "The file needs a name.");
  if (bytes.byteLength === 0) throw new AppError("bad_request:knowledge", "That file is empty.");
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) throw new AppError("too_large:knowledge", `Documents can be up to ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`);
  const extension = clean.toLowerCase().split(".").pop() ?? "";
  if (extension === "pdf") {
    if (!looksLikePdf(bytes)) throw new AppError("unsupported:knowledge", "That file is not a PDF, whatever its name says.");
    return { name: clean, mimeType: "application/pdf" };
  }
  if (extension === "txt" || extension === "md" || extension === "markdown") {
    if (looksLikePdf(bytes) || !looksLikeUtf8Text(bytes)) throw new AppError("unsupported:knowledge", "That file is not plain text, whatever its name says.");
    if (!new TextDecoder().decode(bytes).trim()) throw new AppError("bad_request:knowledge", "That file is empty.");
    return { name: clean, mimeType: extension === "txt" ? "text/plain" : "text/markdown" };
  }
  throw new AppError("unsupported:knowledge", "Documents can be .txt, .md or .pdf files.");
}
