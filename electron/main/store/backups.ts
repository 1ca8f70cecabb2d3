// Backup files in `<dataDir>/backups/`: a daily copy (last 7 kept), one before every
// migration, restore and merge. Each is a complete data file, so any of them can be
// restored or merged, and listBackups can describe it by reading it.
import { localDay } from '../../shared/dates';
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../../shared/contract';
import { syncDir, writeDurable, type Bytes, type DurableFs } from './durable';
import { parseStoreText } from './parse';

export const BACKUP_DIR = 'backups';
export const DAILY_KEEP = 7;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.json$/;

// Local calendar day ("today" is the student's day, not UTC's) and a file-name-safe UTC stamp.
export { fileStampMs as fileStamp } from '../../shared/dates';

export function dailyName(ms: number): string {
  return `daily-${localDay(ms)}.json`;
}

export function reasonOf(name: string): string {
  if (name.startsWith('daily-')) return 'daily';
  if (name.startsWith('pre-migration-')) return 'pre-migration';
  if (name.startsWith('before-restore-')) return 'before-restore';
  if (name.startsWith('before-merge-')) return 'before-merge';
  if (name.startsWith('before-corruption-')) return 'before-corruption';
  return 'other';
}

export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUP_DIR);
}

/** A backup name from the renderer: a plain file name in the backups folder, nothing else. */
export function checkBackupName(name: string): boolean {
  return NAME.test(name) && !name.includes('..');
}

async function exists(path: string): Promise<boolean> {
  return fsp.access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Write `bytes` as a new backup named `<base>.json` (or `<base>-2.json`… when taken:
 * a backup is never overwritten). Written durably under a temp name and linked to its
 * name, so a crash or a full disk never leaves half a backup under a real name; the
 * mtime carries the creation time for listBackups.
 */
export async function writeBackup(dataDir: string, base: string, bytes: Bytes, now: number, fs?: DurableFs): Promise<string> {
  const dir = backupsDir(dataDir);
  await fsp.mkdir(dir, { recursive: true });
  for (let i = 1; i < 1000; i++) {
    const name = i === 1 ? `${base}.json` : `${base}-${i}.json`;
    const path = join(dir, name);
    if (await exists(path)) continue;
    try {
      await writeDurable(path, bytes, { fs, exclusive: true, mtime: now });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw e;
    }
    return name;
  }
  throw new Error(`too many backups named ${base}`);
}

/** Copy the data file to today's daily backup unless one exists; then keep the newest DAILY_KEEP. */
export async function ensureDailyBackup(dataDir: string, read: () => Promise<Bytes>, now: number, fs?: DurableFs): Promise<string | null> {
  const name = dailyName(now);
  let made: string | null = null;
  if (!(await exists(join(backupsDir(dataDir), name)))) {
    const bytes = await read();
    made = await writeBackup(dataDir, name.slice(0, -'.json'.length), bytes, now, fs);
  }
  await pruneDaily(dataDir);
  return made;
}

/**
 * The daily backup for a store left open for days: two number comparisons per write,
 * and at the first write of each later day a backup of the file as it was before it.
 */
export class DailyBackups {
  /** The local day of the last check, as [midnight, next midnight) in ms. */
  #start = 0;
  #end = 0;
  constructor(
    private readonly dataDir: string,
    /** The data as on disk (the data file with its journal), before the write. */
    private readonly read: () => Promise<Bytes>,
    private readonly fs: DurableFs | undefined,
    now: number,
  ) {
    this.#setDay(now);
  }

  #setDay(now: number): void {
    const d = new Date(now);
    this.#start = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
    this.#end = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
  }

  async beforeWrite(now: number): Promise<void> {
    if (now < this.#end && now >= this.#start) return;
    this.#setDay(now);
    // A failed daily backup must not fail the student's save; the next day tries again.
    await ensureDailyBackup(this.dataDir, this.read, now, this.fs).catch(() => undefined);
  }
}

async function pruneDaily(dataDir: string): Promise<void> {
  const dir = backupsDir(dataDir);
  // YYYY-MM-DD sorts by date as text.
  const daily = (await fsp.readdir(dir))
    .filter((n) => /^daily-\d{4}-\d{2}-\d{2}\.json$/.test(n))
    .sort()
    .reverse();
  for (const old of daily.slice(DAILY_KEEP)) await fsp.unlink(join(dir, old)).catch(() => undefined);
}

/**
 * The data file was found unreadable: its daily backups are the good copies. Renamed out
 * of the daily rotation, so the dailies of the data that replaced it never prune them.
 * A rename keeps the mtime, so they list at their own time.
 */
export async function keepDailiesBeforeCorruption(dataDir: string): Promise<void> {
  const dir = backupsDir(dataDir);
  const names = await fsp.readdir(dir).catch(() => null);
  if (!names) return; // no backups folder: nothing to keep
  for (const n of names) {
    if (!/^daily-\d{4}-\d{2}-\d{2}\.json$/.test(n)) continue;
    const to = join(dir, `before-corruption-${n}`);
    if (!(await exists(to))) await fsp.rename(join(dir, n), to).catch(() => undefined);
  }
  await syncDir(dir);
}

export async function listBackups(dataDir: string, now: number): Promise<BackupInfo[]> {
  const dir = backupsDir(dataDir);
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  const out: BackupInfo[] = [];
  for (const name of names) {
    if (!checkBackupName(name)) continue;
    const path = join(dir, name);
    try {
      const [text, st] = await Promise.all([fsp.readFile(path, 'utf8'), fsp.stat(path)]);
      const parsed = parseStoreText(text, now);
      if (parsed.kind === 'invalid') continue; // unreadable backups are not offered
      out.push({
        name,
        createdAt: Math.round(st.mtimeMs),
        reason: reasonOf(name),
        notes: Object.keys(parsed.data.notes).length,
        watched: Object.keys(parsed.data.watched).length,
      });
    } catch {
      continue;
    }
  }
  return out.sort((a, b) => b.createdAt - a.createdAt || (a.name < b.name ? 1 : -1));
}

/** Read a named backup's text; null when it does not exist. */
export async function readBackup(dataDir: string, name: string): Promise<string | null> {
  if (!checkBackupName(name)) return null;
  return fsp.readFile(join(backupsDir(dataDir), name), 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
}

/** Copy a file byte for byte to `dest`, durably, failing rather than replacing an existing file. */
export async function copyExclusive(src: string, dest: string, fs?: DurableFs): Promise<void> {
  await writeDurable(dest, await fsp.readFile(src), { fs, exclusive: true });
}
