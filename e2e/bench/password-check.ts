import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password";
import { weakPasswordReason } from "@/lib/auth/password-strength";
import type { BenchFigure } from "./figure";

/*
 * The password check runs on the server for every sign-up, reset and change, before any rate
 * limit can tell a person from a script, so its worst case is CPU anyone can spend: inputs of
 * the longest allowed length built to feed its l33t, repeat and sequence matchers.
 */
const fill = (pattern: string) => pattern.repeat(Math.ceil(PASSWORD_MAX_LENGTH / pattern.length)).slice(0, PASSWORD_MAX_LENGTH);

const HOSTILE = [fill("p@55w0rd"), fill("a@4e3i1o0s5$"), fill("4@3€1!0$5|7+"), `${"x".repeat(20)}${fill("1@3$5^7*9(")}`.slice(0, PASSWORD_MAX_LENGTH), fill("qwertyuiop"), fill("0123456789")];
const ROUNDS = 5;

export async function run(): Promise<BenchFigure[]> {
  weakPasswordReason("a warm-up before timing");
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const password of HOSTILE) {
      const started = performance.now();
      weakPasswordReason(password, ["Grace Hopper", "grace@example.com"]);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const ms = (value: number) => Math.round(value * 10) / 10;
  return [
    { name: `password check, hostile ${PASSWORD_MAX_LENGTH}-character inputs: median`, value: ms(times[Math.floor(times.length / 2)]!), unit: "ms" },
    { name: "password check, hostile inputs: worst", value: ms(times.at(-1)!), unit: "ms", target: "≤ 100 ms" },
  ];
}
