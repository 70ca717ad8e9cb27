import { readFileSync, rmSync, writeFileSync } from "node:fs";

/*
 * PGlite is a single-process database: a second process writing the same directory corrupts
 * it. A pid file next to the data directory turns that mistake (say, `npm run db:migrate`
 * while `npm run dev` runs) into a clear error. A lock left by a dead process is taken over.
 */
export function acquirePgliteLock(dataDir: string): () => void {
  const file = `${dataDir}.lock`;
  const holder = readHolder(file);
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `The embedded database at ${dataDir} is in use by process ${holder}. ` +
        "Stop that process (is `npm run dev` or `npm start` running?) and try again.",
    );
  }
  writeFileSync(file, String(process.pid));
  return () => {
    if (readHolder(file) === process.pid) rmSync(file, { force: true });
  };
}

function readHolder(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, "utf8"), 10);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
