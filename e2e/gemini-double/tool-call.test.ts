import { afterAll, beforeAll, expect, it } from "vitest";
import { TEST_GEMINI_KEY } from "./constants";
import { type GeminiDouble, startGeminiDouble } from "./server";
import { client, connect, LIVE_CONFIG, sendAudio, speechPcm } from "./test-support";

let double: GeminiDouble;
beforeAll(async () => {
  double = await startGeminiDouble();
});
afterAll(async () => {
  await double.close();
});

it("plays a scripted Live tool call: toolCall on the phrase, waits for the toolResponse, then speaks what came back", async () => {
  double.setScript({
    pace: 0.1,
    responseDelayMs: 20,
    replyAudioMs: 600,
    inputTranscript: "Where does my sister live?",
    toolCall: { phrase: "my sister", name: "recall_memories", args: { query: "sister" } },
  });
  const config = { ...LIVE_CONFIG, tools: [{ functionDeclarations: [{ name: "recall_memories", parametersJsonSchema: { type: "object", properties: { query: { type: "string" } } } }] }] };
  const live = await connect(client(TEST_GEMINI_KEY, double.url), config);
  sendAudio(live.session, speechPcm());
  const message = await live.waitFor((m) => Boolean(m.toolCall));
  const [call] = message.toolCall?.functionCalls ?? [];
  expect(call).toMatchObject({ name: "recall_memories", args: { query: "sister" }, id: expect.any(String) });
  // Nothing is said until the tool answered.
  expect(live.messages.some((m) => m.serverContent?.outputTranscription)).toBe(false);

  live.session.sendToolResponse({ functionResponses: [{ id: call!.id, name: "recall_memories", response: { count: 1, memories: [{ content: "Anna lives in Lisbon" }] } }] });
  await live.waitFor((m) => m.serverContent?.turnComplete === true);
  live.session.close();
  const said = live.messages.map((m) => m.serverContent?.outputTranscription?.text ?? "").join("");
  expect(said).toBe("I remember: Anna lives in Lisbon.");
  const record = double.received().connections[0];
  expect(record?.toolCalls).toEqual([{ id: call!.id, name: "recall_memories", args: { query: "sister" } }]);
  expect(record?.toolResponses).toEqual([{ id: call!.id, name: "recall_memories", response: { count: 1, memories: [{ content: "Anna lives in Lisbon" }] } }]);
  expect(JSON.stringify(record?.setup)).toContain("recall_memories");
});

it("plays a scripted search_knowledge call and speaks the first passage with its source", async () => {
  double.setScript({
    pace: 0.1,
    responseDelayMs: 20,
    replyAudioMs: 600,
    inputTranscript: "When is the lemon tart made?",
    toolCall: { phrase: "lemon tart", name: "search_knowledge", args: { query: "lemon tart" } },
  });
  const config = { ...LIVE_CONFIG, tools: [{ functionDeclarations: [{ name: "search_knowledge", parametersJsonSchema: { type: "object", properties: { query: { type: "string" } } } }] }] };
  const live = await connect(client(TEST_GEMINI_KEY, double.url), config);
  sendAudio(live.session, speechPcm());
  const message = await live.waitFor((m) => Boolean(m.toolCall));
  const [call] = message.toolCall?.functionCalls ?? [];
  expect(call).toMatchObject({ name: "search_knowledge", args: { query: "lemon tart" } });
  live.session.sendToolResponse({ functionResponses: [{ id: call!.id, name: "search_knowledge", response: { passages: [{ document: "Menu.pdf", page: 3, text: "The lemon tart is made on Fridays." }] } }] });
  await live.waitFor((m) => m.serverContent?.turnComplete === true);
  live.session.close();
  const said = live.messages.map((m) => m.serverContent?.outputTranscription?.text ?? "").join("");
  expect(said).toBe("According to Menu.pdf, page 3: The lemon tart is made on Fridays.");
});
