/*
 * The TEST DOUBLE's stand-in for a text model asked to extract memories: a few fixed rules over
 * the user's lines, deterministic so tests can predict every memory. It reads the JSON that
 * LiveMind's extraction prompt carries after its last "INPUT:" line.
 */

interface Line {
  seq: number;
  speaker: string;
  text: string;
}
interface KnownMemory {
  id: string;
  content: string;
}
interface Operation {
  op: "add" | "update" | "delete" | "none";
  targetId: string | null;
  kind: "fact" | "preference" | "person" | "goal" | "event";
  content: string;
  importance: number;
  entities: { name: string; type: "person" | "place" | "organization" | "thing" | "event" | "other" }[];
  sourceLines: number[];
}

const RELATIVES = /\b(sister|brother|mother|mum|mom|father|dad|wife|husband|partner|friend|son|daughter|boss)\b/i;
const MONTHS = new Set(["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]);

function thirdPerson(clause: string): string {
  const text = clause
    .replace(/^remember that\s+/i, "")
    .replace(/^(i'm|i am)\b/i, "The user is")
    .replace(/^i\b/i, "The user")
    .replace(/^my\b/i, "The user's")
    .replace(/\bmy\b/gi, "their")
    .replace(/\b(i'm|i am)\b/gi, "they are")
    .replace(/\bi\b/g, "they");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function entitiesOf(clause: string): Operation["entities"] {
  const out: Operation["entities"] = [];
  const words = clause.split(/\s+/);
  words.forEach((word, index) => {
    const name = word.replace(/[^A-Za-z'-]/g, "");
    if (index === 0 || !/^[A-Z][a-z]+$/.test(name) || MONTHS.has(name) || name === "I") return;
    const before = (words[index - 1] ?? "").toLowerCase();
    const type = ["in", "to", "from", "at", "the"].includes(before) ? "place" : RELATIVES.test(before) ? "person" : "other";
    out.push({ name, type });
  });
  return out;
}

function kindOf(clause: string): Operation["kind"] {
  if (RELATIVES.test(clause)) return "person";
  if (/\b(training|want to|plan|planning|goal|going to)\b/i.test(clause)) return "goal";
  if (/\b(like|love|prefer|hate|favourite|favorite)\b/i.test(clause)) return "preference";
  return "fact";
}

const FIRST_PERSON = /^(remember that\s+)?(my|i|i'm|i am)\b/i;

export function extractFromPrompt(prompt: string): Record<string, unknown> {
  const at = prompt.lastIndexOf("INPUT:");
  const input = (at >= 0 ? JSON.parse(prompt.slice(at + "INPUT:".length)) : {}) as { transcript?: Line[]; memories?: KnownMemory[] };
  const memories = input.memories ?? [];
  const operations: Operation[] = [];
  for (const line of input.transcript ?? []) {
    if (line.speaker !== "user") continue;
    for (const raw of line.text.split(/[.!?]+|,?\s+and\s+/i)) {
      const clause = raw.trim();
      if (!clause) continue;
      const forget = /^forget (?:what i told you about|that|about)\s+(?:my\s+)?(.+)$/i.exec(clause);
      if (forget) {
        const topic = (forget[1] ?? "").toLowerCase();
        for (const memory of memories.filter((m) => m.content.toLowerCase().includes(topic))) {
          operations.push({ op: "delete", targetId: memory.id, kind: "fact", content: memory.content, importance: 0, entities: [], sourceLines: [line.seq] });
        }
        continue;
      }
      const moved = /\bmoved from (\w+) to (\w+)/i.exec(clause);
      if (moved) {
        const old = memories.find((m) => m.content.includes(moved[1] ?? "\u0000"));
        operations.push({
          op: old ? "update" : "add",
          targetId: old?.id ?? null,
          kind: "fact",
          content: `The user lives in ${moved[2]}`,
          importance: 0.7,
          entities: [{ name: moved[2] ?? "", type: "place" }],
          sourceLines: [line.seq],
        });
        continue;
      }
      if (!FIRST_PERSON.test(clause)) continue;
      const explicit = /^remember that\b/i.test(clause);
      operations.push({
        op: "add",
        targetId: null,
        kind: kindOf(clause),
        content: thirdPerson(clause),
        importance: explicit ? 0.9 : 0.6,
        entities: entitiesOf(clause),
        sourceLines: [line.seq],
      });
    }
  }
  const first = operations.find((operation) => operation.op !== "delete");
  const title = first ? first.content.replace(/^The user('s| is)?\s*/i, "").slice(0, 60) : "A short conversation";
  const summary = operations.length
    ? `The user shared: ${operations.map((operation) => operation.content).join("; ")}.`
    : "A short conversation with nothing to remember.";
  return { title: title.charAt(0).toUpperCase() + title.slice(1), summary, operations };
}

/** Same text, same vector; words are hashed with their character trigrams so related words land near. */
export function embedText(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const bump = (feature: string, weight: number) => {
    let hash = 2166136261;
    for (let i = 0; i < feature.length; i += 1) hash = Math.imul(hash ^ feature.charCodeAt(i), 16777619) >>> 0;
    vector[hash % dimensions] = (vector[hash % dimensions] ?? 0) + weight;
  };
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    if (word.length < 3) continue;
    bump(`w:${word.replace(/s$/, "")}`, 1);
    const padded = `^${word}$`;
    for (let i = 0; i + 3 <= padded.length; i += 1) bump(`t:${padded.slice(i, i + 3)}`, 0.3);
  }
  const norm = Math.hypot(...vector);
  return norm > 0 ? vector.map((value) => value / norm) : vector;
}
