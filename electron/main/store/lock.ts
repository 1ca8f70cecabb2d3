// One process per data folder: two writers on one data file would each save their own
// view of it and undo the other's saves; this lock makes that impossible.
// The lock holds the pid and, where the system tells it (Linux: /proc/PID/stat), the
// process's start time, so a lock whose pid now names another process is seen as stale.
import { readFileSync, promises as fsp } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { nodeFs, syncDir, tempName, type DurableFs } from './durable';

export interface Lock {
  readonly path: string;
  readonly pid: number;
  /** Remove the lock file, if it is still ours. Safe to call twice. */
  release(): Promise<void>;
}

export const LOCK_NAME = '.lock';

/** Lock paths this process holds: tells our own live lock from a dead process's that had our pid. */
const held = new Set<string>();

export class LockedError extends Error {
  constructor(
    message: string,
    readonly pid: number | null,
  ) {
    super(message);
    this.name = 'LockedError';
  }
}

/**
 * The process's start time in clock ticks since boot (field 22 of /proc/PID/stat), or
 * null where there is no /proc or the process is gone. The same pid with another start
 * time is another process.
 */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/** The lock's content: "pid" or "pid start". */
export function lockContent(pid: number, start: string | null = processStart(pid)): string {
  return start ? `${pid} ${start}` : String(pid);
}

function parseLock(content: string): { pid: number; start: string | null } | null {
  const m = /^(\d+)(?: (\d+))?$/.exec(content.trim());
  return m ? { pid: Number(m[1]), start: m[2] ?? null } : null;
}

/** Is the process that wrote this lock still running? */
function holderAlive(pid: number, start: string | null): boolean {
  if (!isAlive(pid)) return false;
  if (start === null) return true; // an older lock, or no /proc: the pid is all we know
  const now = processStart(pid);
  return now === null || now === start;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else, which still counts as running.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Create the lock with its pid already inside: write a private temp file, then hard-link
 * it to the lock name (fails with EEXIST if taken). A process killed at any moment leaves
 * either no lock or a complete one, never an empty lock that would block the next start.
 */
async function tryCreate(path: string, fs: DurableFs): Promise<boolean> {
  const tmp = tempName(path);
  const h = await fs.open(tmp, 'wx');
  try {
    await h.writeFile(lockContent(process.pid));
    await h.sync();
  } catch (e) {
    await h.close();
    await fs.unlink(tmp).catch(() => undefined);
    throw e;
  }
  await h.close();
  try {
    await fs.link(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    await fs.unlink(tmp).catch(() => undefined);
  }
  await syncDir(dirname(path), fs);
  return true;
}

export async function acquireLock(dataDir: string, fs: DurableFs = nodeFs): Promise<Lock> {
  const path = resolve(dataDir, LOCK_NAME);
  await fsp.mkdir(dataDir, { recursive: true });
  // Two rounds: the second follows taking over a stale lock.
  for (let round = 0; round < 2; round++) {
    if (await tryCreate(path, fs)) return makeLock(path);
    let content: string;
    try {
      content = await fsp.readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile
      throw e;
    }
    // Locks are created whole, so one without a pid is not ours to wait for: stale.
    const holder = parseLock(content);
    const pid = holder?.pid ?? null;
    // A lock with our own pid that this process does not hold was left by an earlier
    // process that happened to get the same pid: stale.
    const ours = pid === process.pid && !held.has(path);
    if (holder && !ours && holderAlive(holder.pid, holder.start)) {
      throw new LockedError(
        `Lecture Companion is already running with this data folder (pid ${pid}). ` + `If it is not, delete ${path} and start again.`,
        pid,
      );
    }
    await takeOver(path, content);
  }
  throw new LockedError(`Could not lock the data folder: another process keeps taking ${path}.`, null);
}

/**
 * Move the stale lock aside rather than deleting it by name, then check that what
 * moved is the stale file we judged: if another process took over in between, its
 * fresh lock is put back and we give up.
 */
async function takeOver(path: string, staleContent: string): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${Date.now()}`;
  try {
    await fsp.rename(path, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const moved = await fsp.readFile(aside, 'utf8').catch(() => staleContent);
  if (moved !== staleContent) {
    await fsp.link(aside, path).catch(() => undefined);
    await fsp.unlink(aside).catch(() => undefined);
    throw new LockedError(`Another Lecture Companion took this data folder while it was being opened.`, null);
  }
  await fsp.unlink(aside).catch(() => undefined);
}

function makeLock(path: string): Lock {
  let released = false;
  held.add(path);
  return {
    path,
    pid: process.pid,
    async release() {
      if (released) return;
      released = true;
      held.delete(path);
      // Only remove a lock that still carries our pid (never someone else's).
      const content = await fsp.readFile(path, 'utf8').catch(() => null);
      if (content !== null && parseLock(content)?.pid === process.pid) await fsp.unlink(path).catch(() => undefined);
    },
  };
}
