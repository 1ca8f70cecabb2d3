// The student's data in memory and every change to it. A change is made in memory at
// once, then waits for its write (persist.ts: a journal line or a rewrite of the file);
// when that write fails, the change is undone, so memory never holds what the disk refused.
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { ApiError, type BackupInfo, type MergeReport, type Prefs, type StoreStatus } from '../../shared/contract';
import type { ErrorMessage } from '../../shared/wire';
import type { Corrections } from '../../shared/types';
import { backupsDir, fileStamp, listBackups, readBackup, writeBackup } from './backups';
import { bumpClock } from './clock';
import { nodeFs, type DurableFs } from './durable';
import type { DataEncoder } from './encode';
import type { Lock } from './lock';
import { usableBackup } from './backup-text';
import { mergeData, mergeDataSliced, type MergeResult } from './merge';
import { DEFAULT_PREFS } from '../../shared/prefs';
import { dict, highestSeq, type StoreData } from './schema';
import { Persistence } from './persist';
import { fieldSlot, noteSlot, watchedSlot, type Slot, type SlotSource } from './unsaved';
import { addWatchTime, playbackSlot } from './playback';
import { localDay } from '../../shared/dates';

export const DATA_FILE = 'lecture-companion.json';

/** Module-private to the store's files: lets openStore write before handing the store out. */
export const persistNow = Symbol('persistNow');

export class Store {
  readonly file: string;
  #data: StoreData;
  #status: StoreStatus;
  readonly #p: Persistence;
  readonly #encoder: DataEncoder;
  readonly #slotsOf: SlotSource;
  readonly #now: () => number;
  #lock: Lock | null;

  /** Use openStore. */
  constructor(
    readonly dataDir: string,
    data: StoreData,
    status: StoreStatus,
    lock: Lock,
    now: () => number,
    /** Where the journal stands (replay.ts): the last record in the data, its size, and whether a data file exists. */
    journal: { seq: number; journalBytes: number; baseOnDisk: boolean },
    daily = true,
    readonly fs: DurableFs = nodeFs,
    /** Why changes are refused while the status is readonly, in English and by name (wire.ts). */
    readonly readonlyReason: { message: string; key: ErrorMessage } = {
      message: 'This data was saved by a newer version of Lecture Companion; it is open read-only and nothing is saved.',
      key: 'readonlyNewer',
    },
  ) {
    this.file = join(dataDir, DATA_FILE);
    this.#data = data;
    this.#status = status;
    this.#lock = lock;
    this.#now = now;
    this.#p = new Persistence({
      ...journal,
      dataDir,
      file: this.file,
      fs,
      now,
      daily,
      data: () => this.#data,
      status: () => this.#status,
    });
    this.#encoder = this.#p.encoder;
    this.#slotsOf = this.#p.slots;
  }

  #change(key: string, slot: Slot, apply: () => void): Promise<void> {
    return this.#p.change(key, slot, apply);
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
      throw new ApiError(this.readonlyReason.message, 'readonly', { key: this.readonlyReason.key });
    }
  }

  async setWatched(videoId: string, watched: boolean): Promise<void> {
    this.#assertWritable();
    await this.#change(`watched:${videoId}`, watchedSlot(this.#slotsOf, videoId), () => {
      const data = this.#data;
      const mark = Object.hasOwn(data.watched, videoId) ? data.watched[videoId] : undefined;
      // Marking again, or unmarking what is not marked, is not news: no change, no clock.
      if (watched && !mark) {
        const removed = Object.hasOwn(data.unwatched, videoId) ? data.unwatched[videoId] : undefined;
        data.watched[videoId] = { at: this.#now(), clock: bumpClock(data, removed?.clock) };
        delete data.unwatched[videoId];
      } else if (!watched && mark) {
        data.unwatched[videoId] = { at: this.#now(), clock: bumpClock(data, mark.clock) };
        delete data.watched[videoId];
      }
      this.#encoder.watched.touch(videoId, data.watched);
      this.#encoder.unwatched.touch(videoId, data.unwatched);
    });
  }

  async saveNote(videoId: string, text: string): Promise<{ updatedAt: number }> {
    this.#assertWritable();
    const updatedAt = this.#now();
    await this.#change(`note:${videoId}`, noteSlot(this.#slotsOf, videoId), () => {
      const data = this.#data;
      const { notes, deletedNotes } = data;
      const prev = Object.hasOwn(notes, videoId) ? notes[videoId] : undefined;
      if (text.trim() === '') {
        // Deleting is an edit: the note's clock, bumped, stays as a tombstone, so merging an
        // older copy of the note does not bring it back. Deleting nothing changes nothing.
        if (prev) {
          deletedNotes[videoId] = { clock: bumpClock(data, prev.clock), deletedAt: updatedAt };
          delete notes[videoId];
        }
      } else {
        const tomb = !prev && Object.hasOwn(deletedNotes, videoId) ? deletedNotes[videoId] : undefined;
        // Only a changed text is an edit: an autosave of the same text must not make this
        // copy look newer than an identical one elsewhere. A note written over a deletion
        // continues the deletion's clock: it is newer than the note that was deleted.
        const clock = prev && prev.text === text ? prev.clock : bumpClock(data, prev ? prev.clock : tomb?.clock);
        if (tomb) delete deletedNotes[videoId];
        notes[videoId] = clock ? { text, updatedAt, clock } : { text, updatedAt };
      }
      this.#encoder.notes.touch(videoId, notes);
      this.#encoder.deletedNotes.touch(videoId, deletedNotes);
    });
    return { updatedAt };
  }

  async setCorrections(c: Corrections): Promise<void> {
    this.#assertWritable();
    await this.#change('corrections', fieldSlot(this.#slotsOf, 'corrections'), () => {
      this.#data.corrections = { moves: dict(c.moves), titles: dict(c.titles) };
    });
  }

  async setPrefs(p: Partial<Prefs>): Promise<Prefs> {
    this.#assertWritable();
    const next = { ...this.#data.prefs };
    for (const key of Object.keys(DEFAULT_PREFS) as (keyof Prefs)[]) {
      if (p[key] !== undefined) (next as Record<string, unknown>)[key] = p[key];
    }
    await this.#change('prefs', fieldSlot(this.#slotsOf, 'prefs'), () => (this.#data.prefs = next));
    return { ...next };
  }

  /**
   * The player's report: where the lecture is now, and `played` seconds of it since the last
   * report, counted on today's (local) date in the history.
   */
  async savePlayback(videoId: string, position: number, duration: number, played = 0): Promise<void> {
    this.#assertWritable();
    const at = this.#now();
    await this.#change(`playback:${videoId}`, playbackSlot(this.#slotsOf, videoId), () => {
      const data = this.#data;
      data.playback[videoId] = { position, duration, at };
      if (played > 0) data.watchTime = addWatchTime(data.watchTime, localDay(at), videoId, played);
      this.#encoder.playback.touch(videoId, data.playback);
    });
  }

  async setWindow(w: StoreData['window']): Promise<void> {
    this.#assertWritable();
    await this.#change('window', fieldSlot(this.#slotsOf, 'window'), () => {
      this.#data.window = w ? { x: w.x, y: w.y, width: w.width, height: w.height, maximized: w.maximized } : null;
    });
  }

  /** The whole data as a backup file's text; mergeBackup and restore read it back. */
  exportBackup(): string {
    const { schemaVersion, ...rest } = this.#data;
    return JSON.stringify({ schemaVersion, exportedAt: new Date(this.#now()).toISOString(), ...rest }, null, 2) + '\n';
  }

  async mergeBackup(json: string): Promise<MergeReport> {
    this.#assertWritable();
    const { data: incoming, skipped } = await usableBackup(json, this.#now(), null, () => this.#assertWritable());
    const withSkipped = (r: MergeReport): MergeReport => (skipped ? { ...r, skipped } : r);
    // Merged a slice at a time; a change saved meanwhile makes it merge again (in one go
    // after a few tries, so steady typing cannot hold the import off for ever).
    let gen: number;
    let first: MergeResult;
    let tries = 0;
    do {
      gen = this.#p.gen;
      first = tries++ < 3 ? await mergeDataSliced(this.#data, incoming) : mergeData(this.#data, incoming);
    } while (gen !== this.#p.gen);
    this.#assertWritable();
    if (!first.changed) return withSkipped(first.report);
    // The merge rewrites notes: keep the data as it was, one click away.
    await this.#backupCurrent('before-merge');
    // Merged from the data as it is now, and swapped in with no await in between: a note
    // saved while the backup was being written is part of the merge (merged again then).
    const { data, report, changed } = gen === this.#p.gen ? first : mergeData(this.#data, incoming);
    if (changed) await this.#replace(data);
    return withSkipped(report);
  }

  listBackups(): Promise<BackupInfo[]> {
    return listBackups(this.dataDir, this.#now());
  }

  async restoreBackup(name: string): Promise<void> {
    this.#assertWritable();
    const text = await readBackup(this.dataDir, name);
    if (text === null) throw new ApiError(`There is no backup named ${name}.`, 'not-found', { key: 'backupMissing', params: { name } });
    const { data } = await usableBackup(text, this.#now(), { name }, () => this.#assertWritable());
    await this.#backupCurrent('before-restore');
    // No await from the backup's snapshot to here: everything the restore replaces is in it.
    const cur = this.#data;
    // This computer stays this device, and its sequence never goes back: edits made after
    // restoring an older backup must not look older than the ones it undid.
    data.deviceSeq = Math.max(cur.deviceSeq, data.deviceId === cur.deviceId ? data.deviceSeq : 0, highestSeq(data, cur.deviceId));
    data.deviceId = cur.deviceId;
    data.home = cur.home;
    await this.#replace(data);
    this.#status = { state: 'ok', message: null, quarantinePath: null };
  }

  /**
   * Swap in whole new data. Undone on a failed write only when no other change waits
   * for a write: those were made on the new data, and undoing it would drop them.
   */
  #replace(data: StoreData): Promise<void> {
    const slot: Slot = {
      get: () => this.#data,
      set: (v) => {
        if (this.#p.unsavedKeys().length > 0) return;
        this.#data = v as StoreData;
        this.#encoder.reset(this.#data);
      },
    };
    return this.#change('all', slot, () => {
      this.#data = data;
      this.#encoder.reset(data);
    });
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
      await this.#encoder.warm(() => this.#data);
      const gen = this.#p.gen;
      const now = this.#now();
      const name = await writeBackup(this.dataDir, `${reason}-${fileStamp(now)}`, this.#encoder.encodeParts(this.#data), now, this.fs);
      if (previous) await fsp.unlink(join(backupsDir(this.dataDir), previous)).catch(() => undefined);
      previous = name;
      if (gen === this.#p.gen) return name;
    }
  }

  flush(): Promise<void> {
    return this.#p.flush();
  }

  [persistNow](): Promise<void> {
    return this.#p.persistNow();
  }

  async close(): Promise<void> {
    try {
      await this.#p.close(this.#status.state !== 'readonly');
    } finally {
      const lock = this.#lock;
      this.#lock = null;
      await lock?.release();
    }
  }
}
