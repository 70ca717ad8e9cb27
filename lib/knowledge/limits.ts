/** Limits of a persona's knowledge (issue 13): checked at upload, before anything is stored. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENTS_PER_PERSONA = 500;
export const MAX_DOCUMENT_NAME = 200;
export const CHUNK_CHARS = 800;
export const CHUNK_OVERLAP = 150;
export const KNOWLEDGE_PROCESS_JOB = "knowledge.process";
export const knowledgeProcessKey = (documentId: string) => `${KNOWLEDGE_PROCESS_JOB}:${documentId}`;

export type KnowledgeMime = "text/plain" | "text/markdown" | "application/pdf";
