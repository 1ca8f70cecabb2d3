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
import { JOURNAL_FILE } from './journal';
import { readData, readJournal, replayText } from './replay';
import { defaultData, highestSeq, newDeviceId, SCHEMA_VERSION, type StoreData } from './schema';

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
    const { data, status, journal } = loaded;
    // A journal left by the last run is folded into the data file before anything else.
    const rewrite = (await claimHome(dataDir, data, status)) || loaded.rewrite || (journal.journalBytes > 0 && status.state !== 'readonly');
    const store = new Store(dataDir, data, status, lock, now, journal, opts.backupsPerDay !== false, opts.fs);
    // A migrated file, or defaults once the unreadable file is safely quarantined:
    // written before the store is handed out, so the next start finds a good file.
    if (rewrite) await store[persistNow]();
    if (status.state === 'ok' && opts.backupsPerDay !== false && (await exists(store.file))) {
      await ensureDailyBackup(dataDir, () => fsp.readFile(store.file), now(), opts.fs);
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
  const read = await readData(opts.dataDir, join(opts.dataDir, DATA_FILE), now()).catch(() => null);
  const data = read && read.outcome.kind !== 'invalid' ? read.outcome.data : defaultData();
  const status: StoreStatus = { state: 'readonly', message: DISK_FULL_AT_START, quarantinePath: null, words: { key: 'diskFullAtStart' } };
  const noLock = { path: '', pid: process.pid, release: async () => undefined };
  return new Store(opts.dataDir, data, status, noLock, now, { seq: read?.seq ?? 0, journalBytes: 0, baseOnDisk: true }, false, opts.fs, {
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

interface Loaded {
  data: StoreData;
  status: StoreStatus;
  rewrite: boolean;
  journal: { seq: number; journalBytes: number; baseOnDisk: boolean };
}

async function load(dataDir: string, now: () => number, fs?: DurableFs): Promise<Loaded> {
  const file = join(dataDir, DATA_FILE);
  const journalBytes = await readJournal(dataDir);
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      // A journal without its data file belongs to data that is gone: its lines are never replayed.
      const journal = { seq: replayText('', journalBytes, now()).seq, journalBytes: journalBytes.length, baseOnDisk: false };
      return { data: defaultData(), status: OK, rewrite: false, journal };
    }
    throw e; // unreadable for another reason (permissions, a folder): do not guess, do not touch
  }
  let text: string | null;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = null; // not UTF-8: decoding leniently and saving would alter bytes
  }
  const read = replayText(text ?? '', journalBytes, now());
  const journal = { seq: read.seq, journalBytes: journalBytes.length, baseOnDisk: true };
  const parsed = text === null ? ({ kind: 'invalid', reason: 'it is not UTF-8 text' } as const) : read.outcome;
  switch (parsed.kind) {
    case 'current':
      return { data: parsed.data, status: OK, rewrite: false, journal };
    case 'migrated':
      // The original bytes go to a backup before the migrated data replaces them.
      await writeBackup(dataDir, `pre-migration-v${parsed.from}-${fileStamp(now())}`, bytes, now(), fs);
      return { data: parsed.data, status: OK, rewrite: true, journal };
    case 'newer':
      return {
        journal,
        data: parsed.data,
        status: {
          state: 'readonly',
          message:
            `This data was saved by a newer version of Lecture Companion (data version ${parsed.version}; this version knows ${SCHEMA_VERSION}). ` +
            'It is shown read-only and nothing will be saved: update Lecture Companion to keep working with it.',
          quarantinePath: null,
          words: { key: 'readonlyNewerVersion', params: { version: parsed.version, known: SCHEMA_VERSION } },
        },
        rewrite: false,
      };
    case 'invalid': {
      const quarantinePath = await quarantine(dataDir, file, now(), fs);
      // The journal's lines extend the unreadable file: kept beside its copy, byte for byte.
      if (journalBytes.length > 0) await copyExclusive(join(dataDir, JOURNAL_FILE), quarantinePath.replace(/\.json$/, '.journal'), fs);
      await keepDailiesBeforeCorruption(dataDir);
      const newest = (await listBackups(dataDir, now()))[0];
      const offer = newest
        ? ` The newest good backup is ${newest.name} (${localDateTime(newest.createdAt)}); restore it from Data → Restore from automatic backup….`
        : ' No backup was found to restore.';
      return {
        journal,
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
