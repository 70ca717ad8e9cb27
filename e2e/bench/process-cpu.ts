import { readdirSync, readFileSync } from "node:fs";

/*
 * CPU time (user + system) used so far by every process of one process group, from /proc.
 * A request's CPU cost, unlike its latency, barely depends on what else the machine runs, so
 * it says how many writes a core can answer even on a shared machine. Null where /proc is absent.
 */
export function processGroupCpuMs(groupId: number): number | null {
  let ticks = 0;
  let seen = false;
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  for (const pid of entries) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // Gone between the listing and the read.
    }
    // Fields after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== groupId) continue;
    seen = true;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  // Linux reports these in clock ticks of 1/100 s (USER_HZ) on every architecture Node runs on.
  return seen ? ticks * 10 : null;
}
