// One process per data folder. steno always writes through the same temp file name,
// so two writers on one data file can corrupt it; this lock makes that impossible.
import { promises as fsp } from 'node:fs';
import { resolve } from 'node:path';

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
  constructor(message: string, readonly pid: number | null) {
    super(message);
    this.name = 'LockedError';
  }
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
async function tryCreate(path: string): Promise<boolean> {
  const tmp = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  await fsp.writeFile(tmp, String(process.pid));
  try {
    await fsp.link(tmp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    await fsp.unlink(tmp).catch(() => undefined);
  }
}

export async function acquireLock(dataDir: string): Promise<Lock> {
  const path = resolve(dataDir, LOCK_NAME);
  await fsp.mkdir(dataDir, { recursive: true });
  // Two rounds: the second follows taking over a stale lock.
  for (let round = 0; round < 2; round++) {
    if (await tryCreate(path)) return makeLock(path);
    let content: string;
    try {
      content = await fsp.readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile
      throw e;
    }
    // Locks are created whole, so one without a pid is not ours to wait for: stale.
    const pid = /^\d+$/.test(content.trim()) ? Number(content.trim()) : null;
    // A lock with our own pid that this process does not hold was left by an earlier
    // process that happened to get the same pid: stale.
    const ours = pid === process.pid && !held.has(path);
    if (pid !== null && !ours && isAlive(pid)) {
      throw new LockedError(
        `Lecture Companion is already running with this data folder (pid ${pid}). ` +
          `If it is not, delete ${path} and start again.`,
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
      if (content !== null && content.trim() === String(process.pid)) await fsp.unlink(path).catch(() => undefined);
    },
  };
}
