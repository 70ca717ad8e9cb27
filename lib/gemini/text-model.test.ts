import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TEST_GEMINI_KEY } from "@/e2e/gemini-double/constants";
import { type GeminiDouble, startGeminiDouble } from "@/e2e/gemini-double/server";
import { getBreaker, resetBreakers } from "@/lib/jobs/breakers";
import { CircuitOpenError } from "@/lib/jobs/circuit-breaker";
import { extractionResult } from "@/lib/memory/extraction-schema";
import { embedTexts, GEMINI_BREAKER, generateStructured, MalformedModelOutputError } from "./text-model";

let double: GeminiDouble;
beforeAll(async () => {
  double = await startGeminiDouble();
});
afterAll(async () => {
  await double.close();
});
beforeEach(() => {
  double.reset();
  resetBreakers();
});

const options = () => ({ apiKey: TEST_GEMINI_KEY, baseUrl: double.url, model: "gemini-2.5-flash" });
const prompt = `Extract.\nINPUT:\n${JSON.stringify({
  transcript: [{ seq: 0, speaker: "user", text: "My sister Anna lives in Lisbon and I'm training for the Porto half marathon in April." }],
  memories: [],
})}`;
const ask = () => generateStructured(options(), { systemInstruction: "You extract memories.", prompt, schema: extractionResult });
const cosine = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);

describe("Gemini text calls, through the real SDK against the double", () => {
  it("gets structured output validated by the zod schema", async () => {
    const result = await ask();
    expect(result.operations.map((operation) => [operation.op, operation.kind, operation.content])).toEqual([
      ["add", "person", "The user's sister Anna lives in Lisbon"],
      ["add", "goal", "The user is training for the Porto half marathon in April"],
    ]);
    expect(result.operations[0]?.entities).toEqual([{ name: "Anna", type: "person" }, { name: "Lisbon", type: "place" }]);
    expect(double.received().rest.some((call) => call.path === "/v1beta/models/gemini-2.5-flash:generateContent" && call.status === 200)).toBe(true);
  });

  it("rejects malformed JSON instead of returning it", async () => {
    double.setScript({ malformedJson: 1 });
    await expect(ask()).rejects.toBeInstanceOf(MalformedModelOutputError);
    await expect(ask()).resolves.toMatchObject({ operations: expect.any(Array) });
    expect(getBreaker(GEMINI_BREAKER).state).toBe("closed");
  });

  it("embeds deterministically, unit length, related texts nearer than unrelated ones", async () => {
    const [a, b, c, again] = await embedTexts(options(), {
      texts: ["training for the Porto half marathon", "how is the marathon training going", "allergic to peanuts", "training for the Porto half marathon"],
      taskType: "RETRIEVAL_DOCUMENT",
    });
    expect(a).toHaveLength(256);
    expect(again).toEqual(a);
    expect(Math.hypot(...a!)).toBeCloseTo(1, 5);
    expect(cosine(a!, b!)).toBeGreaterThan(cosine(a!, c!) + 0.2);
  });

  it("opens the circuit after 5 failed calls in an outage and stops calling", async () => {
    double.setScript({ textOutage: true });
    for (let i = 0; i < 5; i += 1) await expect(ask()).rejects.toMatchObject({ status: 503 });
    const calls = double.received().rest.filter((call) => call.status === 503).length;
    await expect(ask()).rejects.toBeInstanceOf(CircuitOpenError);
    await expect(embedTexts(options(), { texts: ["x"], taskType: "RETRIEVAL_QUERY" })).rejects.toBeInstanceOf(CircuitOpenError);
    expect(double.received().rest.filter((call) => call.status === 503)).toHaveLength(calls);
    expect(getBreaker(GEMINI_BREAKER).state).toBe("open");
  });
});
