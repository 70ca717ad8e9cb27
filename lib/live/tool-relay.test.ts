import { describe, expect, it } from "vitest";
import { answerToolCalls, describeToolResponses, knowledgeSourcesOfResponses } from "./tool-relay";

describe("tool relay", () => {
  it("forwards each memory tool call to the session's route and answers with its body (or a readable error)", async () => {
    const seen: { url: string; body: unknown }[] = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body));
      seen.push({ url, body });
      if (body.name === "forget_memory") return new Response(JSON.stringify({ code: "not_found:session", message: "That conversation does not exist." }), { status: 404 });
      return new Response(JSON.stringify({ ok: true, count: 2, memories: [{ content: "a" }, { content: "b" }] }), { status: 200 });
    }) as typeof fetch;
    const responses = await answerToolCalls(
      "00000000-0000-4000-8000-000000000001",
      [
        { id: "c1", name: "recall_memories", args: { query: "sister" } },
        { id: "c2", name: "forget_memory", args: { query: "job" } },
        { id: "c3", name: "rm_rf", args: {} },
      ],
      fetchImpl,
    );
    expect(seen).toEqual([
      { url: "/api/live/sessions/00000000-0000-4000-8000-000000000001/tools", body: { id: "c1", name: "recall_memories", args: { query: "sister" } } },
      { url: "/api/live/sessions/00000000-0000-4000-8000-000000000001/tools", body: { id: "c2", name: "forget_memory", args: { query: "job" } } },
    ]);
    expect(responses).toEqual([
      { id: "c1", name: "recall_memories", response: { ok: true, count: 2, memories: [{ content: "a" }, { content: "b" }] } },
      { id: "c2", name: "forget_memory", response: { error: "That conversation does not exist." } },
      { id: "c3", name: "rm_rf", response: { error: "Unknown tool rm_rf." } },
    ]);
    expect(describeToolResponses(responses.slice(0, 1))).toBe("Recalled 2 memories");
    expect(describeToolResponses([{ id: "x", name: "save_memory", response: { ok: true, saved: "s" } }])).toBe("Saved a memory");
  });
});

describe("knowledgeSourcesOfResponses", () => {
  it("lists the passages the knowledge answers cited, and nothing for memory answers", () => {
    const chunkId = "0b6f7a52-3c1d-4e2f-9a8b-1c2d3e4f5a6b";
    const responses = [
      { name: "recall_memories", response: { ok: true, count: 1, memories: [{ content: "a" }] } },
      { name: "search_knowledge", response: { passages: [{ id: chunkId, document: "Menu.pdf", page: 3, text: "Lemon tart on Fridays." }] } },
    ];
    expect(knowledgeSourcesOfResponses(responses)).toEqual([{ chunkId, document: "Menu.pdf", page: 3 }]);
    expect(knowledgeSourcesOfResponses([responses[0]!])).toEqual([]);
  });
});
