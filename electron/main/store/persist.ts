// How a change reaches the disk. A change is made in memory at once, then waits for a
// write (queue.ts). A small change (a note, a mark, the prefs) is appended to the journal
// (journal.ts): one short line and one fdatasync. A whole-data change (merge, restore,
// migration), a journal grown past the data file's size, and closing rewrite the data
// file durably (durable.ts) and empty the journal: compaction. A failed write undoes its
// changes (unsaved.ts), so memory never holds what the disk refused.
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { ApiError, type StoreStatus } from '../../shared/contract';
import { DailyBackups } from './backups';
import { byteLength, DurableFile, type Bytes, type DurableFs } from './durable';
import { DataEncoder } from './encode';
import { Journal, JOURNAL_FILE } from './journal';
import { WriteQueue } from './queue';
import { partsOf, readData } from './replay';
import type { StoreData } from './schema';
import { UnsavedChanges, type Slot, type SlotSource } from './unsaved';

/** The journal is compacted once it holds more bytes than this and than the data file. */
const JOURNAL_MIN_COMPACT = 1024 * 1024;

/** A failed write as the student should read it. */
function saveError(e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new ApiError('disk full', 'failed', { key: 'diskFull' });
  return e;
}

export interface PersistOptions {
  dataDir: string;
  file: string;
  fs: DurableFs;
  now: () => number;
  daily: boolean;
  data: () => StoreData;
  status: () => StoreStatus;
  /** The last journal record the data holds, and the journal's size on disk (replay.ts). */
  seq: number;
  journalBytes: number;
  /** Whether the data file exists: until it does, every write is a compaction (it holds the device id). */
  baseOnDisk: boolean;
}

export class Persistence {
  readonly encoder = new DataEncoder();
  readonly slots: SlotSource;
  /** Bumped by every change to the data: tells a backup whether it is still current. */
  gen = 0;
  readonly #o: PersistOptions;
  readonly #db: Low<Bytes>;
  readonly #journal: Journal;
  readonly #queue: WriteQueue<string | null>;
  readonly #unsaved = new UnsavedChanges();
  readonly #daily: DailyBackups | null;
  #seq: number;
  #baseOnDisk: boolean;
  #baseBytes = 0;

  constructor(o: PersistOptions) {
    this.#o = o;
    this.#seq = o.seq;
    this.#baseOnDisk = o.baseOnDisk;
    this.slots = { data: o.data, encoder: this.encoder };
    this.encoder.reset(o.data());
    // lowdb writes the data file (through the durable adapter); the journal is beside it,
    // because lowdb's adapter writes whole data and a journal appends a part.
    this.#db = new Low<Bytes>(new DurableFile(o.file, o.fs), '');
    this.#journal = new Journal(join(o.dataDir, JOURNAL_FILE), o.fs, o.journalBytes);
    this.#daily = o.daily ? new DailyBackups(o.dataDir, () => this.#onDisk(), o.fs, o.now()) : null;
    this.#queue = new WriteQueue((keys) => this.#write(keys));
  }

  /** The data as on disk now (the data file with its journal), as a data file's bytes. */
  async #onDisk(): Promise<Bytes> {
    if (this.#journal.size === 0 && !this.#journal.broken) return fsp.readFile(this.#o.file);
    const read = await readData(this.#o.dataDir, this.#o.file, this.#o.now());
    if (!read || read.outcome.kind === 'invalid') throw new Error('no readable data on disk to back up');
    const enc = new DataEncoder();
    enc.reset(read.outcome.data);
    return enc.encodeParts(read.outcome.data);
  }

  /**
   * Every mutation goes through here: note the part's value on disk, change memory
   * synchronously, then wait for a write.
   */
  change(key: string, slot: Slot, apply: () => void): Promise<void> {
    this.#unsaved.begin(key, slot);
    apply();
    this.gen++;
    return this.#queue.request(key);
  }

  /** Keys with changes not yet on disk. */
  unsavedKeys(): string[] {
    return this.#unsaved.keys();
  }

  /** Rewrite the data file now (after a migration, a new device id, a recovery). */
  persistNow(): Promise<void> {
    this.gen++;
    return this.#queue.request(null);
  }

  flush(): Promise<void> {
    return this.#queue.flush(null);
  }

  async #write(keys: (string | null)[]): Promise<void> {
    // Not while the file holds the defaults that replaced a quarantined one (it would
    // push good dailies out); a restore makes the state ok again.
    if (this.#o.status().state === 'ok') await this.#daily?.beforeWrite(this.#o.now());
    const whole = keys.some((k) => k === null || k === 'all');
    const grown = this.#journal.size > Math.max(JOURNAL_MIN_COMPACT, this.#baseBytes);
    if (whole || grown || !this.#baseOnDisk || this.#journal.broken) return this.#compact(keys);
    return this.#append(keys as string[]);
  }

  async #append(keys: string[]): Promise<void> {
    const data = this.#o.data();
    // What this write puts on disk, taken with the record: no await in between.
    const snap = this.#unsaved.snapshot(keys);
    // The number is used even when the append fails: a line the disk kept after a failed
    // sync is then older than the next compaction's journalSeq, and never replayed.
    const rec = { seq: ++this.#seq, deviceSeq: data.deviceSeq, set: [...new Set(keys)].flatMap((k) => partsOf(k, data)) };
    try {
      await this.#journal.append(rec);
    } catch (e) {
      this.gen += snap.failed();
      throw saveError(e);
    }
    snap.written();
  }

  async #compact(keys: (string | null)[]): Promise<void> {
    // Whatever a merge or restore left to encode, a slice at a time (see DataEncoder.warm).
    await this.encoder.warm(this.#o.data);
    const snap = this.#unsaved.snapshot(keys.filter((k): k is string => k !== null));
    // Every journal record so far is in memory, so in these bytes.
    const seq = this.#seq;
    // The encoded bytes go to the file as they are: no re-encoding megabytes of text per save.
    this.#db.data = this.encoder.encodeForWrite(this.#o.data(), seq);
    try {
      await this.#db.write();
    } catch (e) {
      this.gen += snap.failed();
      throw saveError(e);
    }
    snap.written();
    this.#baseOnDisk = true;
    this.#baseBytes = byteLength(this.#db.data);
    // The data file holds everything now; a journal that cannot be emptied stays `broken`,
    // which makes the next write a compaction again. The save itself is on disk.
    await this.#journal.reset().catch(() => undefined);
  }

  /** Fold the journal into the data file and let go of it. */
  async close(writable: boolean): Promise<void> {
    try {
      await this.flush();
      if (writable && (this.#journal.size > 0 || this.#journal.broken)) {
        // Everything is already on disk in the journal: a failed compaction loses nothing.
        await this.#queue.request(null).catch(() => undefined);
      }
    } finally {
      await this.#journal.close();
    }
  }
}
