// The data's shape in memory: its types, prototype-free records, defaults and normalizing
// what a file held. Reading a file's text (validation, migrations) is in parse.ts.
import { randomBytes } from 'node:crypto';
import { copyPlayback, copyWatchTime } from './playback';
import { DEFAULT_PREFS, type Prefs, type WindowState } from '../../shared/prefs';
import type { Corrections } from '../../shared/types';

export const SCHEMA_VERSION = 3;

/**
 * A note's version vector: deviceId → the device's sequence number (StoreData.deviceSeq)
 * at its latest edit of this note. One clock ≤ another (every component) means the
 * second edit history already contains the first; neither ≤ the other means both
 * sides edited independently. Absent in notes from v1 files and from files written
 * before clocks existed: merge falls back to comparing texts for those.
 */
export type Clock = Record<string, number>;

export interface NoteRecord {
  text: string;
  /** ms since epoch of the last edit. */
  updatedAt: number;
  clock?: Clock;
}

/**
 * A deleted note's tombstone: deleting is an edit, so the note's clock (bumped by the
 * deleting device) is kept, and a merge of an older copy of the note can tell that the
 * deletion already saw it. Kept apart from `notes`, which means "lectures with notes".
 */
export interface DeletedNote {
  clock: Clock;
  /** ms since epoch of the deletion. */
  deletedAt: number;
}

/**
 * A watched mark, or (in `unwatched`) the mark's removal. Both carry the clock of the
 * change, like notes, so a merge keeps the newer of watch and unwatch instead of the
 * union. No clock on marks migrated from files before v3: a merge compares times then.
 */
export interface WatchMark {
  /** ms since epoch of the (first) mark, or of the removal. */
  at: number;
  clock?: Clock;
}

/** Where the student stopped in a lecture's video, for "Resume at 12:34". */
export interface PlaybackRecord {
  /** Seconds into the video. */
  position: number;
  /** The video's length in seconds, as the player last reported it (0 when unknown). */
  duration: number;
  /** ms since epoch of the report: a merge keeps the newer position. */
  at: number;
}

/** Local day (`2026-12-02`) → videoId → seconds of video played that day. */
export type WatchTime = Record<string, Record<string, number>>;

export interface StoreData {
  schemaVersion: typeof SCHEMA_VERSION;
  /**
   * This installation's id in note clocks: random, made once, kept in the file.
   * Optional in the file (v2 files from before clocks); always set in memory.
   */
  deviceId: string;
  /**
   * The last sequence number this device gave a note edit. Only grows — also across a
   * restore of an older backup — so a later edit never looks older than an earlier one.
   */
  deviceSeq: number;
  /**
   * The data folder this device id belongs to: its path, inode and birth time. A folder
   * copied or restored elsewhere differs, and gets a device id of its own at open, so
   * edits made on the two copies are never mistaken for one history. Null until known.
   */
  home: string | null;
  /** videoId → when it was marked watched. */
  watched: Record<string, WatchMark>;
  /** videoId → when its mark was removed. Never holds an id that `watched` holds. */
  unwatched: Record<string, Required<WatchMark>>;
  notes: Record<string, NoteRecord>;
  /**
   * videoId → tombstone of a deleted note. Never holds an id that `notes` holds.
   * Optional in the file (v2 files from before tombstones); always set in memory.
   */
  deletedNotes: Record<string, DeletedNote>;
  corrections: Corrections;
  prefs: Prefs;
  window: WindowState | null;
  /** videoId → the last position played. Optional in the file (before the player); always set in memory. */
  playback: Record<string, PlaybackRecord>;
  /** Seconds played per day and lecture, for the statistics. Optional in the file; always set in memory. */
  watchTime: WatchTime;
}

/**
 * A record keyed by ids from files and the renderer, without a prototype: a lookup of
 * an id such as "constructor" (11 characters, a valid video id) must find nothing.
 */
export function dict<T>(src?: Record<string, T>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  if (src) for (const [k, v] of Object.entries(src)) out[k] = v;
  return out;
}

export function newDeviceId(): string {
  return randomBytes(8).toString('base64url');
}

/** The highest component `deviceId` has in any note's or tombstone's clock. */
export function highestSeq(data: Pick<StoreData, 'notes' | 'deletedNotes' | 'watched' | 'unwatched'>, deviceId: string): number {
  let max = 0;
  for (const rec of [data.notes, data.deletedNotes, data.watched, data.unwatched] as Record<string, { clock?: Clock }>[]) {
    for (const r of Object.values(rec)) {
      const seq = r.clock && Object.hasOwn(r.clock, deviceId) ? r.clock[deviceId] : undefined;
      if (seq !== undefined && seq > max) max = seq;
    }
  }
  return max;
}

export type Parsed = Omit<
  StoreData,
  'deviceId' | 'deviceSeq' | 'deletedNotes' | 'home' | 'schemaVersion' | 'unwatched' | 'playback' | 'watchTime' | 'prefs'
> & {
  prefs: Partial<Prefs> & Omit<Prefs, 'playbackRate' | 'autoMarkShare'>;
  playback?: Record<string, PlaybackRecord>;
  watchTime?: WatchTime;
  unwatched?: Record<string, Required<WatchMark>>;
  home?: string | null;
  deviceId?: string;
  deviceSeq?: number;
  deletedNotes?: Record<string, DeletedNote>;
};

/**
 * The same data with every record made prototype-free (see `dict`), and the device id
 * and sequence filled in: a new id when the file has none, and a sequence never below
 * what the notes' clocks already used.
 */
export function normalize(d: Parsed): StoreData {
  const notes = dict<NoteRecord>();
  for (const [id, n] of Object.entries(d.notes)) {
    notes[id] = n.clock ? { text: n.text, updatedAt: n.updatedAt, clock: dict(n.clock) } : { text: n.text, updatedAt: n.updatedAt };
  }
  const deletedNotes = dict<DeletedNote>();
  // A hand-edited file may hold both a note and a tombstone for one id: the text stays.
  for (const [id, t] of Object.entries(d.deletedNotes ?? {})) {
    if (!Object.hasOwn(notes, id)) deletedNotes[id] = { clock: dict(t.clock), deletedAt: t.deletedAt };
  }
  const watched = dict<WatchMark>();
  for (const [id, mark] of Object.entries(d.watched)) watched[id] = copyMark(mark);
  const unwatched = dict<Required<WatchMark>>();
  for (const [id, mark] of Object.entries(d.unwatched ?? {}))
    if (!Object.hasOwn(watched, id)) unwatched[id] = copyMark(mark) as Required<WatchMark>;
  const deviceId = d.deviceId ?? newDeviceId();
  return {
    schemaVersion: SCHEMA_VERSION,
    deviceId,
    deviceSeq: Math.max(d.deviceSeq ?? 0, highestSeq({ notes, deletedNotes, watched, unwatched }, deviceId)),
    home: d.home ?? null,
    watched,
    unwatched,
    notes,
    deletedNotes,
    corrections: { moves: dict(d.corrections.moves), titles: dict(d.corrections.titles) },
    prefs: { ...DEFAULT_PREFS, ...definedOnly(d.prefs) },
    window: d.window ? { ...d.window } : null,
    playback: copyPlayback(d.playback),
    watchTime: copyWatchTime(d.watchTime),
  };
}

export function copyMark(m: WatchMark): WatchMark {
  return m.clock ? { at: m.at, clock: dict(m.clock) } : { at: m.at };
}

export function defaultData(): StoreData {
  return {
    schemaVersion: SCHEMA_VERSION,
    deviceId: newDeviceId(),
    deviceSeq: 0,
    home: null,
    watched: dict(),
    unwatched: dict(),
    notes: dict(),
    deletedNotes: dict(),
    corrections: { moves: dict(), titles: dict() },
    prefs: { ...DEFAULT_PREFS },
    window: null,
    playback: dict(),
    watchTime: dict(),
  };
}

/** Prefs from a file, without the keys it lacks, so the defaults fill them. */
export function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
