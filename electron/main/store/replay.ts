// From the store's change keys to journal records, and back: the parts a change touched,
// and replaying records over the data file's JSON before it is validated, so a replayed
// note passes the same checks (shape, prototype-free records) as one read from the file.
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { decodeJournal, JOURNAL_FILE, type JournalPart, type JournalRecord } from './journal';
import { parseJsonText, parseStoreValue, type ParseOutcome } from './parse';
import { SCHEMA_VERSION, type StoreData } from './schema';

/** Which fields of the data a change key (see Store's #change) touches, with their values now. */
export function partsOf(key: string, data: StoreData): JournalPart[] {
  const colon = key.indexOf(':');
  if (colon < 0) return [[key, null, (data as unknown as Record<string, unknown>)[key] ?? null]];
  const id = key.slice(colon + 1);
  const entry = (field: 'watched' | 'unwatched' | 'notes' | 'deletedNotes' | 'playback'): JournalPart => {
    const rec = data[field] as Record<string, unknown>;
    return [field, id, Object.hasOwn(rec, id) ? rec[id] : null];
  };
  switch (key.slice(0, colon)) {
    case 'watched':
      return [entry('watched'), entry('unwatched')];
    case 'note':
      return [entry('notes'), entry('deletedNotes')];
    case 'playback':
      return [entry('playback'), ['watchTime', null, data.watchTime]];
    default:
      throw new Error(`no journal parts for the change key ${key}`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Set a property as JSON.parse would, so an id such as `__proto__` stays a plain key. */
function put(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (value === null) delete obj[key];
  else Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Apply the records after `afterSeq` to a parsed data file; returns the last sequence number seen. */
export function applyRecords(raw: Record<string, unknown>, records: readonly JournalRecord[], afterSeq: number): number {
  let last = afterSeq;
  for (const r of records) {
    if (r.seq <= afterSeq) continue; // already in the data file (compacted, journal not yet emptied)
    for (const [field, id, value] of r.set) {
      if (id === null) {
        put(raw, field, value);
        continue;
      }
      if (!isObject(raw[field])) put(raw, field, {});
      put(raw[field] as Record<string, unknown>, id, value);
    }
    if (typeof raw.deviceSeq !== 'number' || raw.deviceSeq < r.deviceSeq) raw.deviceSeq = r.deviceSeq;
    last = r.seq;
  }
  return last;
}

export interface ReadData {
  outcome: ParseOutcome;
  /** The last journal sequence number the data holds (from the data file or a replayed record). */
  seq: number;
  /** The journal has lines (or a dropped tail) to fold into the data file. */
  journalBytes: number;
  /** Bytes of a torn or corrupt tail that were dropped. */
  droppedBytes: number;
}

/** The journal's bytes, or none. */
export async function readJournal(dataDir: string): Promise<Buffer> {
  return fsp.readFile(join(dataDir, JOURNAL_FILE)).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return Buffer.alloc(0);
    throw e;
  });
}

/**
 * The data file's text with the journal replayed over it. Only over a current-version file:
 * the journal is written beside one only, and an older or newer file is not ours to extend.
 */
export function replayText(text: string, journal: Uint8Array, now: number): ReadData {
  const { records, droppedBytes } = decodeJournal(journal);
  // New records must number after every line in the journal, replayed or not, until it is emptied.
  const last = records.length ? records[records.length - 1]!.seq : 0;
  const none = { seq: last, journalBytes: journal.byteLength, droppedBytes };
  const json = parseJsonText(text);
  if (!('raw' in json)) return { ...none, outcome: json };
  const raw = json.raw;
  if (!isObject(raw) || raw.schemaVersion !== SCHEMA_VERSION) return { ...none, outcome: parseStoreValue(raw, now) };
  const base = Number.isSafeInteger(raw.journalSeq) ? (raw.journalSeq as number) : 0;
  const seq = Math.max(last, applyRecords(raw, records, base));
  return { ...none, outcome: parseStoreValue(raw, now), seq };
}

/** What is on disk in `dataDir`: the data file with its journal replayed; null when there is no data file. */
export async function readData(dataDir: string, file: string, now: number): Promise<ReadData | null> {
  const text = await fsp.readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  return replayText(text, await readJournal(dataDir), now);
}
