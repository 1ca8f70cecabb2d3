// The student's data: watched marks, notes, corrections, prefs, window.
// One JSON file written durably through lowdb with our adapter (durable.ts: temp, fsync,
// rename, fsync of the folder), through our own queue so exactly one write is in flight
// and every mutation's promise means "on disk". The bytes come from an incremental encoder (encode.ts), not JSON.stringify.
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { ApiError, type BackupInfo, type MergeReport, type Prefs, type StoreStatus } from '../../shared/contract';
import type { Corrections } from '../../shared/types';
import { backupsDir, copyExclusive, ensureDailyBackup, fileStamp, listBackups, readBackup, writeBackup } from './backups';
import { DurableFile, nodeFs, removeStaleTemps, type DurableFs } from './durable';
import { DataEncoder } from './encode';
import { acquireLock, type Lock } from './lock';
import { mergeData } from './merge';
import { defaultData, dict, highestSeq, parseStoreText, SCHEMA_VERSION, type StoreData } from './schema';

export type { StoreData, NoteRecord, WindowState } from './schema';

export const DATA_FILE = 'lecture-companion.json';

/** Module-private: lets openStore write before handing the store out. */
const persistNow = Symbol('persistNow');

export interface OpenOptions {
  dataDir: string;
  /** Clock for timestamps and backup names; tests move it across days. */
  now?: () => number;
  /** Make the daily backup at open, and at the first write of each later day (default true). */
  backupsPerDay?: boolean;
  /** The file calls of every write (tests record them, or make one fail). */
  fs?: DurableFs;
}

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Serialises writes. lowdb's overlapping writes coalesce and resolve the first caller
 * last, so they cannot say when a given change is on disk. Here a request joins the
 * next batch; a batch's write starts (and snapshots the data) only after every
 * mutation in it, and its waiters resolve when that write has completed.
 */
class WriteQueue {
  #pending: Waiter[] = [];
  #busy = false;
  #scheduled = false;
  constructor(private readonly write: () => Promise<void>) {}

  request(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ resolve, reject });
      // Start on a microtask so mutations made in the same tick share one write.
      if (!this.#scheduled && !this.#busy) {
        this.#scheduled = true;
        queueMicrotask(() => {
          this.#scheduled = false;
          this.#pump();
        });
      }
    });
  }

  /** Resolves when everything requested so far is on disk; no extra write when idle. */
  flush(): Promise<void> {
    return this.#busy || this.#pending.length ? this.request() : Promise.resolve();
  }

  #pump(): void {
    if (this.#busy || this.#pending.length === 0) return;
    const batch = this.#pending;
    this.#pending = [];
    this.#busy = true;
    let p: Promise<void>;
    try {
      p = this.write();
    } catch (e) {
      p = Promise.reject(e);
    }
    p.then(
      () => batch.forEach((w) => w.resolve()),
      (e) => batch.forEach((w) => w.reject(e)),
    ).finally(() => {
      this.#busy = false;
      this.#pump();
    });
  }
}

export class Store {
  readonly file: string;
  #data: StoreData;
  #status: StoreStatus;
  readonly #db: Low<Uint8Array | string>;
  readonly #encoder = new DataEncoder();
  readonly #queue: WriteQueue;
  readonly #now: () => number;
  #lock: Lock | null;
  /** Bumped by every change to the data: tells a backup whether it is still current. */
  #gen = 0;
  readonly #daily: boolean;
  /** The local day of the last daily backup check, as [midnight, next midnight) in ms. */
  #dayStart = 0;
  #dayEnd = 0;

  /** Use openStore. */
  constructor(readonly dataDir: string, data: StoreData, status: StoreStatus, lock: Lock, now: () => number, daily = true, readonly fs: DurableFs = nodeFs) {
    this.file = join(dataDir, DATA_FILE);
    this.#data = data;
    this.#status = status;
    this.#lock = lock;
    this.#now = now;
    this.#daily = daily;
    this.#setDay(now());
    this.#encoder.reset(data);
    this.#db = new Low<Uint8Array | string>(new DurableFile(this.file, fs), '');
    this.#queue = new WriteQueue(() => this.#write());
  }

  #setDay(now: number): void {
    const d = new Date(now);
    this.#dayStart = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
    this.#dayEnd = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
  }

  async #write(): Promise<void> {
    if (this.#daily) {
      // Two number comparisons per write: an app left open for days still makes each
      // day's backup, of the file as it was before that day's first write. Not while the
      // file holds the defaults that replaced a quarantined one (it would push good
      // dailies out); a restore makes the state ok again.
      const now = this.#now();
      if ((now >= this.#dayEnd || now < this.#dayStart) && this.#status.state === 'ok') {
        this.#setDay(now);
        // A failed daily backup must not fail the student's save; the next day tries again.
        await ensureDailyBackup(this.dataDir, this.file, now, this.fs).catch(() => undefined);
      }
    }
    // The encoded bytes go to the file as they are: no re-encoding megabytes of text per save.
    this.#db.data = this.#encoder.encode(this.#data, true);
    await this.#db.write();
  }

  get status(): StoreStatus {
    return { ...this.#status };
  }

  /** The live data: read it, never change it (only the methods below persist changes). */
  get data(): Readonly<StoreData> {
    return this.#data;
  }

  #assertWritable(): void {
    if (this.#status.state === 'readonly') {
      throw new ApiError('This data was saved by a newer version of Lecture Companion; it is open read-only and nothing is saved.', 'readonly');
    }
  }

  /** Every mutation goes through here: change memory synchronously, then wait for a write. */
  #commit(): Promise<void> {
    this.#gen++;
    return this.#queue.request();
  }

  async setWatched(videoId: string, watched: boolean): Promise<void> {
    this.#assertWritable();
    if (watched) {
      // Keep the first mark's time: marking again is not news.
      if (!Object.hasOwn(this.#data.watched, videoId)) this.#data.watched[videoId] = this.#now();
    } else {
      delete this.#data.watched[videoId];
    }
    this.#encoder.watched.touch(videoId, this.#data.watched);
    await this.#commit();
  }

  async saveNote(videoId: string, text: string): Promise<{ updatedAt: number }> {
    this.#assertWritable();
    const updatedAt = this.#now();
    const { notes, deletedNotes } = this.#data;
    const prev = Object.hasOwn(notes, videoId) ? notes[videoId] : undefined;
    if (text.trim() === '') {
      // Deleting is an edit: the note's clock, bumped, stays as a tombstone, so merging an
      // older copy of the note does not bring it back. Deleting nothing changes nothing.
      if (prev) {
        const clock = dict(prev.clock);
        clock[this.#data.deviceId] = ++this.#data.deviceSeq;
        deletedNotes[videoId] = { clock, deletedAt: updatedAt };
        delete notes[videoId];
      }
    } else {
      const tomb = !prev && Object.hasOwn(deletedNotes, videoId) ? deletedNotes[videoId] : undefined;
      let clock = prev ? prev.clock : tomb?.clock;
      // Only a changed text is an edit: an autosave of the same text must not make this
      // copy look newer than an identical one elsewhere. A note written over a deletion
      // continues the deletion's clock: it is newer than the note that was deleted.
      if (!prev || prev.text !== text) {
        clock = dict(clock);
        clock[this.#data.deviceId] = ++this.#data.deviceSeq;
      }
      if (tomb) delete deletedNotes[videoId];
      notes[videoId] = clock ? { text, updatedAt, clock } : { text, updatedAt };
    }
    this.#encoder.notes.touch(videoId, notes);
    this.#encoder.deletedNotes.touch(videoId, deletedNotes);
    await this.#commit();
    return { updatedAt };
  }

  async setCorrections(c: Corrections): Promise<void> {
    this.#assertWritable();
    this.#data.corrections = { moves: dict(c.moves), titles: dict(c.titles) };
    await this.#commit();
  }

  async setPrefs(p: Partial<Prefs>): Promise<Prefs> {
    this.#assertWritable();
    const next = { ...this.#data.prefs };
    for (const key of ['uploadOrder', 'newestFirst', 'lastVideoId', 'lastCourseId'] as const) {
      if (p[key] !== undefined) (next as Record<string, unknown>)[key] = p[key];
    }
    this.#data.prefs = next;
    await this.#commit();
    return { ...next };
  }

  async setWindow(w: StoreData['window']): Promise<void> {
    this.#assertWritable();
    this.#data.window = w ? { x: w.x, y: w.y, width: w.width, height: w.height, maximized: w.maximized } : null;
    await this.#commit();
  }

  /** The whole data as a backup file's text; mergeBackup and restore read it back. */
  exportBackup(): string {
    const { schemaVersion, ...rest } = this.#data;
    return JSON.stringify({ schemaVersion, exportedAt: new Date(this.#now()).toISOString(), ...rest }, null, 2) + '\n';
  }

  async mergeBackup(json: string): Promise<MergeReport> {
    this.#assertWritable();
    const parsed = parseStoreText(json, this.#now());
    if (parsed.kind === 'invalid') throw new ApiError(`This is not a Lecture Companion backup: ${parsed.reason}.`, 'invalid');
    if (parsed.kind === 'newer') {
      throw new ApiError(`This backup comes from a newer version of Lecture Companion (data version ${parsed.version}); update the app to import it.`, 'invalid');
    }
    const first = mergeData(this.#data, parsed.data);
    if (!first.changed) return first.report;
    // The merge rewrites notes: keep the data as it was, one click away.
    await this.#backupCurrent('before-merge');
    // Merged from the data as it is now, and swapped in with no await in between:
    // a note saved while the backup was being written is part of the merge.
    const { data, report, changed } = mergeData(this.#data, parsed.data);
    if (changed) {
      this.#replace(data);
      await this.#commit();
    }
    return report;
  }

  listBackups(): Promise<BackupInfo[]> {
    return listBackups(this.dataDir, this.#now());
  }

  async restoreBackup(name: string): Promise<void> {
    this.#assertWritable();
    const text = await readBackup(this.dataDir, name);
    if (text === null) throw new ApiError(`There is no backup named ${name}.`, 'not-found');
    const parsed = parseStoreText(text, this.#now());
    if (parsed.kind === 'invalid') throw new ApiError(`The backup ${name} cannot be read: ${parsed.reason}.`, 'invalid');
    if (parsed.kind === 'newer') throw new ApiError(`The backup ${name} comes from a newer version of Lecture Companion.`, 'invalid');
    await this.#backupCurrent('before-restore');
    // No await from the backup's snapshot to here: everything the restore replaces is in it.
    const cur = this.#data;
    const data = parsed.data;
    // This computer stays this device, and its sequence never goes back: edits made after
    // restoring an older backup must not look older than the ones it undid.
    data.deviceSeq = Math.max(cur.deviceSeq, data.deviceId === cur.deviceId ? data.deviceSeq : 0, highestSeq(data, cur.deviceId));
    data.deviceId = cur.deviceId;
    this.#replace(data);
    await this.#commit();
    this.#status = { state: 'ok', message: null, quarantinePath: null };
  }

  #replace(data: StoreData): void {
    this.#data = data;
    this.#encoder.reset(data);
  }

  /**
   * Save the in-memory data as a backup named for `reason`. Resolves only when the
   * backup holds the data as it is at that moment: a change made while it was being
   * written (a note saved meanwhile) makes a fresh one, replacing the outdated one. The
   * caller must replace the data without awaiting anything after this resolves.
   */
  async #backupCurrent(reason: 'before-restore' | 'before-merge'): Promise<string> {
    let previous: string | null = null;
    for (;;) {
      const gen = this.#gen;
      const now = this.#now();
      const name = await writeBackup(this.dataDir, `${reason}-${fileStamp(now)}`, this.#encoder.encode(this.#data), now, this.fs);
      if (previous) await fsp.unlink(join(backupsDir(this.dataDir), previous)).catch(() => undefined);
      previous = name;
      if (gen === this.#gen) return name;
    }
  }

  flush(): Promise<void> {
    return this.#queue.flush();
  }

  [persistNow](): Promise<void> {
    return this.#commit();
  }

  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      const lock = this.#lock;
      this.#lock = null;
      await lock?.release();
    }
  }
}

const OK: StoreStatus = { state: 'ok', message: null, quarantinePath: null };

export async function openStore(opts: OpenOptions): Promise<Store> {
  const now = opts.now ?? Date.now;
  const { dataDir } = opts;
  const lock = await acquireLock(dataDir, opts.fs);
  try {
    // Ours alone now: what a killed writer left half-written goes.
    await removeStaleTemps(dataDir);
    await removeStaleTemps(backupsDir(dataDir));
    const { data, status, rewrite } = await load(dataDir, now, opts.fs);
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

async function exists(path: string): Promise<boolean> {
  return fsp.access(path).then(
    () => true,
    () => false,
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function load(dataDir: string, now: () => number, fs?: DurableFs): Promise<{ data: StoreData; status: StoreStatus; rewrite: boolean }> {
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
      const newest = (await listBackups(dataDir, now()))[0];
      const offer = newest
        ? ` The newest good backup is ${newest.name} (${new Date(newest.createdAt).toLocaleString()}); restore it from Backups.`
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
