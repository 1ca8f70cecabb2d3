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
/** A lock file with no pid yet may be another process between create and write. */
const EMPTY_LOCK_GRACE_MS = 5_000;

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

async function tryCreate(path: string): Promise<boolean> {
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(path, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    await fh.writeFile(String(process.pid));
    await fh.sync();
  } finally {
    await fh.close();
  }
  return true;
}

export async function acquireLock(dataDir: string): Promise<Lock> {
  const path = resolve(dataDir, LOCK_NAME);
  await fsp.mkdir(dataDir, { recursive: true });
  // Two rounds: the second follows taking over a stale lock.
  for (let round = 0; round < 2; round++) {
    if (await tryCreate(path)) return makeLock(path);
    let content: string;
    let mtimeMs: number;
    try {
      content = await fsp.readFile(path, 'utf8');
      mtimeMs = (await fsp.stat(path)).mtimeMs;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile
      throw e;
    }
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
    if (pid === null && Date.now() - mtimeMs < EMPTY_LOCK_GRACE_MS) {
      throw new LockedError(`Lecture Companion is starting with this data folder in another process (lock ${path}).`, null);
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
