// Opening the student's data: the single-instance lock, reading and validating the data
// file, migrating an older one (after a backup of its bytes), and recovering from an
// unreadable one (quarantined byte for byte, then defaults). The data and its changes
// live in mutations.ts; durable writes in durable.ts.
import { localDateTime } from '../../shared/dates';
import { promises as fsp } from 'node:fs';
import { join, resolve } from 'node:path';
import type { StoreStatus } from '../../shared/contract';
import { backupsDir, copyExclusive, keepDailiesBeforeCorruption, ensureDailyBackup, fileStamp, listBackups, writeBackup } from './backups';
import { removeStaleTemps, type DurableFs } from './durable';
import { acquireLock } from './lock';
import { DATA_FILE, persistNow, Store } from './mutations';
import { defaultData, highestSeq, newDeviceId, parseStoreText, SCHEMA_VERSION, type StoreData } from './schema';

export { DATA_FILE, Store };

export interface OpenOptions {
  dataDir: string;
  /** Clock for timestamps and backup names; tests move it across days. */
  now?: () => number;
  /** Make the daily backup at open, and at the first write of each later day (default true). */
  backupsPerDay?: boolean;
  /** The file calls of every write (tests record them, or make one fail). */
  fs?: DurableFs;
}

const OK: StoreStatus = { state: 'ok', message: null, quarantinePath: null };

const isDiskFull = (e: unknown) => ['ENOSPC', 'EDQUOT'].includes((e as NodeJS.ErrnoException | null)?.code ?? '');

export const DISK_FULL_AT_START =
  'The disk is full, so Lecture Companion opened your data read-only: nothing you change now can be saved. ' +
  'Free some disk space and restart Lecture Companion to keep working.';

export async function openStore(opts: OpenOptions): Promise<Store> {
  try {
    return await openWritable(opts);
  } catch (e) {
    // A full disk must not keep the student from their notes: show them, save nothing.
    if (isDiskFull(e)) return openReadOnly(opts);
    throw e;
  }
}

async function openWritable(opts: OpenOptions): Promise<Store> {
  const now = opts.now ?? Date.now;
  const { dataDir } = opts;
  const lock = await acquireLock(dataDir, opts.fs);
  try {
    // Ours alone now: what a killed writer left half-written goes.
    await removeStaleTemps(dataDir);
    await removeStaleTemps(backupsDir(dataDir));
    const loaded = await load(dataDir, now, opts.fs);
    const { data, status } = loaded;
    const rewrite = (await claimHome(dataDir, data, status)) || loaded.rewrite;
    const store = new Store(dataDir, data, status, lock, now, opts.backupsPerDay !== false, opts.fs);
    // A migrated file, or defaults once the unreadable file is safely quarantined:
    // written before the store is handed out, so the next start finds a good file.
    if (rewrite) await store[persistNow]();
    if (status.state === 'ok' && opts.backupsPerDay !== false && (await exists(store.file))) {
      await ensureDailyBackup(dataDir, store.file, now(), opts.fs);
    }
    return store;
  } catch (e) {
    await lock.release();
    throw e;
  }
}

/**
 * The data as it is on disk, for reading only: no lock (nothing is written, so another
 * instance cannot be harmed), no migration, no quarantine. What does not parse shows as empty.
 */
async function openReadOnly(opts: OpenOptions): Promise<Store> {
  const now = opts.now ?? Date.now;
  const text = await fsp.readFile(join(opts.dataDir, DATA_FILE), 'utf8').catch(() => null);
  const parsed = text === null ? null : parseStoreText(text, now());
  const data = parsed && parsed.kind !== 'invalid' ? parsed.data : defaultData();
  const status: StoreStatus = { state: 'readonly', message: DISK_FULL_AT_START, quarantinePath: null };
  const noLock = { path: '', pid: process.pid, release: async () => undefined };
  return new Store(opts.dataDir, data, status, noLock, now, false, opts.fs, {
    message: 'disk full: free some disk space and restart Lecture Companion to save again',
    key: 'diskFull',
  });
}

/** The data folder's identity: a copy or a restore elsewhere has another inode or birth time. */
async function folderIdentity(dataDir: string): Promise<string> {
  const st = await fsp.stat(dataDir, { bigint: true });
  return `${resolve(dataDir)}#${st.ino}@${st.birthtimeNs}`;
}

/**
 * Give the data a device id of this folder's own when it was written in another folder
 * (copied to a second computer, or restored elsewhere). Data that never recorded a folder
 * (from before this check) takes this one as its own. True when the file should be rewritten.
 */
async function claimHome(dataDir: string, data: StoreData, status: StoreStatus): Promise<boolean> {
  if (status.state === 'readonly') return false;
  const home = await folderIdentity(dataDir);
  if (data.home === home) return false;
  const known = data.home !== null;
  data.home = home;
  if (known) {
    data.deviceId = newDeviceId();
    data.deviceSeq = highestSeq(data, data.deviceId);
  }
  // Data read from a file is rewritten with its folder at once; new data with its first change.
  return exists(join(dataDir, DATA_FILE));
}

async function exists(path: string): Promise<boolean> {
  return fsp.access(path).then(
    () => true,
    () => false,
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function load(
  dataDir: string,
  now: () => number,
  fs?: DurableFs,
): Promise<{ data: StoreData; status: StoreStatus; rewrite: boolean }> {
  const file = join(dataDir, DATA_FILE);
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { data: defaultData(), status: OK, rewrite: false };
    throw e; // unreadable for another reason (permissions, a folder): do not guess, do not touch
  }
  let text: string | null;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = null; // not UTF-8: decoding leniently and saving would alter bytes
  }
  const parsed = text === null ? ({ kind: 'invalid', reason: 'it is not UTF-8 text' } as const) : parseStoreText(text, now());
  switch (parsed.kind) {
    case 'current':
      return { data: parsed.data, status: OK, rewrite: false };
    case 'migrated':
      // The original bytes go to a backup before the migrated data replaces them.
      await writeBackup(dataDir, `pre-migration-v${parsed.from}-${fileStamp(now())}`, bytes, now(), fs);
      return { data: parsed.data, status: OK, rewrite: true };
    case 'newer':
      return {
        data: parsed.data,
        status: {
          state: 'readonly',
          message:
            `This data was saved by a newer version of Lecture Companion (data version ${parsed.version}; this version knows ${SCHEMA_VERSION}). ` +
            'It is shown read-only and nothing will be saved: update Lecture Companion to keep working with it.',
          quarantinePath: null,
        },
        rewrite: false,
      };
    case 'invalid': {
      const quarantinePath = await quarantine(dataDir, file, now(), fs);
      await keepDailiesBeforeCorruption(dataDir);
      const newest = (await listBackups(dataDir, now()))[0];
      const offer = newest
        ? ` The newest good backup is ${newest.name} (${localDateTime(newest.createdAt)}); restore it from Data → Restore from automatic backup….`
        : ' No backup was found to restore.';
      return {
        data: defaultData(),
        status: {
          state: 'recovered',
          message: `The data file could not be read: ${parsed.reason}. It was kept unchanged as ${quarantinePath}, and Lecture Companion started with empty data.${offer}`,
          quarantinePath,
        },
        rewrite: true,
      };
    }
  }
}

/** Copy the unreadable file byte for byte next to it, under a name never used before. */
async function quarantine(dataDir: string, file: string, now: number, fs?: DurableFs): Promise<string> {
  const base = join(dataDir, `lecture-companion.corrupt-${fileStamp(now)}`);
  for (let i = 1; i < 1000; i++) {
    const dest = i === 1 ? `${base}.json` : `${base}-${i}.json`;
    try {
      await copyExclusive(file, dest, fs);
      return dest;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new Error(`could not find a free quarantine name next to ${file}`);
}
