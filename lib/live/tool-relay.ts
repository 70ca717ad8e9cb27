import type { FunctionCall, FunctionResponse } from "@google/genai";
import { MEMORY_TOOL_NAMES, toolsPath } from "@/lib/memory/tool-declarations";
import { knowledgeSourcesOf, SEARCH_KNOWLEDGE, summarizeKnowledgeResult } from "@/lib/knowledge/tool";
import { summarizeToolResult } from "@/lib/memory/tool-summary";

/*
 * The browser's half of a Live tool call (DESIGN §5b): each function call the model makes is
 * forwarded to our server as the signed-in user, and the server's answer (or an error the model
 * can read) becomes the function response. The browser never decides what a tool returns.
 */

const KNOWN = new Set<string>([...MEMORY_TOOL_NAMES, SEARCH_KNOWLEDGE]);

export async function answerToolCalls(sessionId: string, calls: FunctionCall[], fetchImpl: typeof fetch = fetch): Promise<FunctionResponse[]> {
  return Promise.all(
    calls.map(async (call): Promise<FunctionResponse> => {
      const name = call.name ?? "";
      if (!KNOWN.has(name)) return { id: call.id, name, response: { error: `Unknown tool ${name}.` } };
      try {
        const response = await fetchImpl(toolsPath(sessionId), {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...(call.id ? { id: call.id } : {}), name, args: call.args ?? {} }),
        });
        const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
        return { id: call.id, name, response: response.ok ? body : { error: typeof body.message === "string" ? body.message : "The tool failed." } };
      } catch {
        return { id: call.id, name, response: { error: "The tool could not be reached." } };
      }
    }),
  );
}

/** "Recalled 3 memories", "Saved a memory", "Forgot 1 memory": the compact line the transcript shows. */
export function describeToolResponses(responses: FunctionResponse[]): string | null {
  const parts = responses.flatMap((entry) => (entry.name === SEARCH_KNOWLEDGE ? summarizeKnowledgeResult(entry.response) : (summarizeToolResult(entry.name ?? "", entry.response) ?? [])));
  return parts.length ? parts.join(" · ") : null;
}

/** The passages the knowledge answers among `responses` cited, for the clickable sources under the note. */
export const knowledgeSourcesOfResponses = (responses: FunctionResponse[]) => responses.flatMap((entry) => (entry.name === SEARCH_KNOWLEDGE ? knowledgeSourcesOf(entry.response) : []));
