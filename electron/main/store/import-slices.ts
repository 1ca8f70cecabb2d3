// What the import worker and the main thread say to each other: the parse's outcome
// first (small), then the data's records in slices of about SLICE_CHARS characters.
// A structured clone arrives as plain objects, so the main thread puts the records back
// into prototype-free ones (see `dict` in schema.ts) as it receives them.
import type { Skipped } from './limits';
import { copyPlayback, copyWatchTime } from './playback';
import { copyMark, defaultData, dict, type DeletedNote, type NoteRecord, type StoreData, type WatchMark } from './schema';
import type { ParseOutcome } from './parse';

/** About 0.5 MB of text per slice: a few milliseconds to receive, however large the backup. */
const SLICE_CHARS = 256 * 1024;

export interface ImportJob {
  /** The backup's text as UTF-8, in parts (encoded a part at a time on the main thread). */
  parts: Uint8Array[];
  now: number;
  /** Hold the data to the import limits (a backup from elsewhere; not a restore of our own). */
  limits: boolean;
}

/** Everything but the records sent in slices: small fields, and any field added later (whole, in the head). */
type Base = Omit<StoreData, 'watched' | 'unwatched' | 'notes' | 'deletedNotes' | 'corrections'>;
type Field = 'watched' | 'unwatched' | 'notes' | 'deletedNotes' | 'moves' | 'titles';
type Entry = [Field, string, unknown];
/** The parse's outcome without the records (`version`: of a newer file; `from`: of a migrated one). */
type Head = { kind: 'invalid'; reason: string } | { kind: 'current' | 'migrated' | 'newer'; from: number; version: number; base: Base };

export type ImportReply =
  | { kind: 'head'; outcome: Head; skipped: Skipped | null }
  | { kind: 'slice'; entries: Entry[] }
  | { kind: 'done' }
  | { kind: 'error'; message: string };

export function headOf(outcome: ParseOutcome, skipped: Skipped | null): ImportReply {
  if (outcome.kind === 'invalid') return { kind: 'head', outcome, skipped };
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the records go in slices
  const { watched, unwatched, notes, deletedNotes, corrections, ...base } = outcome.data;
  const { schemaVersion } = base;
  const from = outcome.kind === 'migrated' ? outcome.from : schemaVersion;
  const version = outcome.kind === 'newer' ? outcome.version : schemaVersion;
  return { kind: 'head', outcome: { kind: outcome.kind, from, version, base }, skipped };
}

/** The outcome again, around the data assembled from the slices. */
export function outcomeOf(head: Exclude<Head, { kind: 'invalid' }>, data: StoreData): ParseOutcome {
  if (head.kind === 'migrated') return { kind: 'migrated', from: head.from, data };
  if (head.kind === 'newer') return { kind: 'newer', version: head.version, data };
  return { kind: 'current', data };
}

/** The data's records, SLICE_CHARS at a time. */
export function* slicesOf(data: StoreData): Generator<ImportReply> {
  let entries: Entry[] = [];
  let size = 0;
  const records: [Field, Record<string, unknown>][] = [
    ['watched', data.watched],
    ['unwatched', data.unwatched],
    ['notes', data.notes],
    ['deletedNotes', data.deletedNotes],
    ['moves', data.corrections.moves],
    ['titles', data.corrections.titles],
  ];
  for (const [field, rec] of records) {
    for (const [id, value] of Object.entries(rec)) {
      entries.push([field, id, value]);
      size += id.length + 64 + (field === 'notes' ? (value as NoteRecord).text.length : typeof value === 'string' ? value.length : 0);
      if (size >= SLICE_CHARS) {
        yield { kind: 'slice', entries };
        entries = [];
        size = 0;
      }
    }
  }
  if (entries.length) yield { kind: 'slice', entries };
}

/** Builds the parsed data back on the main thread, slice by slice. */
export class DataAssembly {
  readonly data: StoreData;
  constructor(base: Base) {
    this.data = {
      ...defaultData(),
      ...base,
      prefs: { ...base.prefs },
      window: base.window ? { ...base.window } : null,
      // Keyed by ids from the file, like the sliced records: prototype-free again.
      playback: copyPlayback(base.playback),
      watchTime: copyWatchTime(base.watchTime),
    };
  }

  add(entries: Entry[]): void {
    const d = this.data;
    for (const [field, id, v] of entries) {
      // Never a key the worker would not have kept; a record is prototype-free anyway.
      if (id === '__proto__') continue;
      switch (field) {
        case 'notes': {
          const n = v as NoteRecord;
          d.notes[id] = n.clock ? { text: n.text, updatedAt: n.updatedAt, clock: dict(n.clock) } : { text: n.text, updatedAt: n.updatedAt };
          break;
        }
        case 'deletedNotes': {
          const t = v as DeletedNote;
          d.deletedNotes[id] = { clock: dict(t.clock), deletedAt: t.deletedAt };
          break;
        }
        case 'watched':
          d.watched[id] = copyMark(v as WatchMark);
          break;
        case 'unwatched':
          d.unwatched[id] = copyMark(v as WatchMark) as Required<WatchMark>;
          break;
        case 'moves':
        case 'titles':
          d.corrections[field][id] = v as string;
          break;
      }
    }
  }
}
