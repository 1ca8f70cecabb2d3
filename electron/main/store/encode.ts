// Incremental serialisation of the data file. With 10,000 notes the file is ~3.5 MB;
// JSON.stringify on every keystroke-save costs more than writing the bytes. Here the
// big records (watched, notes, and deletedNotes, which can grow as large) are kept encoded in chunks of CHUNK entries, and a
// change re-encodes only its chunk, so a save is a buffer concat plus the write.
// The store must call `touch` for every id it changes and `reset` when it replaces data.
import { performance } from 'node:perf_hooks';
import type { DeletedNote, NoteRecord, PlaybackRecord, StoreData, WatchMark } from './schema';

const CHUNK = 64;
/** Encoding time per turn of the event loop in warm(): well under the ~100 ms a request may wait. */
const SLICE_MS = 5;
/** Up to this size, the file is joined into one buffer and written with one call. */
const JOIN_MAX = 8 * 1024 * 1024;
const SEP = Buffer.from(',\n');

interface Chunk {
  ids: Set<string>;
  /** Encoded entries of this chunk, or null when it must be re-encoded. */
  buf: Buffer | null;
}

export class RecordEncoder<V> {
  #chunkOf = new Map<string, Chunk>();
  #chunks: Chunk[] = [];

  constructor(
    private readonly indent: string,
    private readonly encodeValue: (v: V) => string,
  ) {}

  reset(record: Record<string, V>): void {
    this.#chunkOf.clear();
    this.#chunks = [];
    for (const id of Object.keys(record)) this.#add(id);
  }

  /** `record[id]` was set or deleted. */
  touch(id: string, record: Record<string, V>): void {
    const chunk = this.#chunkOf.get(id);
    const present = Object.hasOwn(record, id);
    if (chunk && present) {
      chunk.buf = null;
    } else if (chunk) {
      chunk.ids.delete(id);
      chunk.buf = null;
      this.#chunkOf.delete(id);
    } else if (present) {
      this.#add(id);
    }
  }

  #add(id: string): void {
    let last = this.#chunks[this.#chunks.length - 1];
    if (!last || last.ids.size >= CHUNK) this.#chunks.push((last = { ids: new Set(), buf: null }));
    last.ids.add(id);
    last.buf = null;
    this.#chunkOf.set(id, last);
  }

  #encode(chunk: Chunk, record: Record<string, V>): Buffer {
    const lines: string[] = [];
    for (const id of chunk.ids) {
      const value = record[id];
      // Never write `"id": undefined`, which is not JSON.
      if (value === undefined) throw new Error(`encode: ${id} is not in the record`);
      lines.push(`${this.indent}${JSON.stringify(id)}: ${this.encodeValue(value)}`);
    }
    return (chunk.buf = Buffer.from(lines.join(',\n')));
  }

  /** Encode stale chunks until `until` (performance.now()); true when none is left. */
  encodeStale(record: Record<string, V>, until: number): boolean {
    for (const chunk of this.#chunks) {
      if (chunk.buf !== null) continue;
      this.#encode(chunk, record);
      if (performance.now() >= until) return false;
    }
    return true;
  }

  /** The record's entries as buffers to concatenate (without the braces). */
  parts(record: Record<string, V>): Buffer[] {
    const out: Buffer[] = [];
    for (const chunk of this.#chunks) {
      if (chunk.buf === null) this.#encode(chunk, record);
      if (chunk.buf!.length === 0) continue;
      if (out.length) out.push(SEP);
      out.push(chunk.buf!);
    }
    return out;
  }
}

/**
 * The data file's bytes: indented at the top level, one watched mark or note per line,
 * so it stays readable and diffable by hand.
 */
export class DataEncoder {
  readonly watched = new RecordEncoder<WatchMark>('    ', (m) => JSON.stringify(m.clock ? { at: m.at, clock: m.clock } : { at: m.at }));
  readonly unwatched = new RecordEncoder<WatchMark>('    ', (m) => JSON.stringify({ at: m.at, clock: m.clock }));
  readonly notes = new RecordEncoder<NoteRecord>('    ', (n) =>
    JSON.stringify(n.clock ? { text: n.text, updatedAt: n.updatedAt, clock: n.clock } : { text: n.text, updatedAt: n.updatedAt }),
  );
  readonly deletedNotes = new RecordEncoder<DeletedNote>('    ', (t) => JSON.stringify({ clock: t.clock, deletedAt: t.deletedAt }));
  // One entry per lecture ever played, rewritten every few seconds while one plays.
  readonly playback = new RecordEncoder<PlaybackRecord>('    ', (p) =>
    JSON.stringify({ position: p.position, duration: p.duration, at: p.at }),
  );

  reset(data: StoreData): void {
    this.watched.reset(data.watched);
    this.unwatched.reset(data.unwatched);
    this.notes.reset(data.notes);
    this.deletedNotes.reset(data.deletedNotes);
    this.playback.reset(data.playback);
  }

  /**
   * Encode what changed since the last encode, SLICE_MS at a time with a turn of the event
   * loop in between: after a merge or restore that is every note (seconds for 40 MB), which
   * must not hold up other requests. encode() then only copies. `data` is read again after
   * every turn: a restore may have replaced it meanwhile.
   */
  async warm(data: () => StoreData): Promise<void> {
    for (;;) {
      const d = data();
      const until = performance.now() + SLICE_MS;
      const done =
        this.watched.encodeStale(d.watched, until) &&
        this.unwatched.encodeStale(d.unwatched, until) &&
        this.notes.encodeStale(d.notes, until) &&
        this.deletedNotes.encodeStale(d.deletedNotes, until) &&
        this.playback.encodeStale(d.playback, until);
      if (done) return;
      await new Promise<void>((r) => setImmediate(r));
    }
  }

  #out: Buffer = Buffer.alloc(0);

  /**
   * The file's bytes, as parts to write one after another. A file up to JOIN_MAX bytes
   * comes as one part, copied into a buffer kept between calls (a fresh multi-megabyte
   * allocation costs more than the copy; so only for the write queue, which never starts
   * a write before the previous one finished): one write call. A larger one (a merged
   * 40 MB backup) stays in parts: copying it all at once would hold this thread.
   */
  encodeForWrite(data: StoreData, journalSeq?: number): Buffer[] {
    const all = this.encodeParts(data, journalSeq);
    let size = 0;
    for (const b of all) size += b.length;
    if (size > JOIN_MAX) return all;
    if (this.#out.length < size) this.#out = Buffer.allocUnsafe(Math.ceil(size * 1.25));
    let at = 0;
    for (const b of all) at += b.copy(this.#out, at);
    return [this.#out.subarray(0, size)];
  }

  /**
   * The file's bytes as parts; each stays as it is (a change encodes a new one), so they can be
   * written later. The data file names the last journal record it holds (journal.ts); backups do not.
   */
  encodeParts(data: StoreData, journalSeq?: number): Buffer[] {
    const w = this.watched.parts(data.watched);
    const u = this.unwatched.parts(data.unwatched);
    const n = this.notes.parts(data.notes);
    const d = this.deletedNotes.parts(data.deletedNotes);
    const p = this.playback.parts(data.playback);
    const open = (parts: Buffer[]) => (parts.length ? '{\n' : '{');
    const close = (parts: Buffer[]) => (parts.length ? '\n  }' : '}');
    return [
      Buffer.from(
        `{\n  "schemaVersion": ${JSON.stringify(data.schemaVersion)},\n  "deviceId": ${JSON.stringify(data.deviceId)},\n` +
          `  "deviceSeq": ${data.deviceSeq},\n${journalSeq === undefined ? '' : `  "journalSeq": ${journalSeq},\n`}${data.home === null ? '' : `  "home": ${JSON.stringify(data.home)},\n`}  "watched": ${open(w)}`,
      ),
      ...w,
      Buffer.from(`${close(w)},\n  "unwatched": ${open(u)}`),
      ...u,
      Buffer.from(`${close(u)},\n  "notes": ${open(n)}`),
      ...n,
      Buffer.from(`${close(n)},\n  "deletedNotes": ${open(d)}`),
      ...d,
      Buffer.from(`${close(d)},\n  "playback": ${open(p)}`),
      ...p,
      Buffer.from(
        `${close(p)},\n  "watchTime": ${JSON.stringify(data.watchTime)},\n  "corrections": ${JSON.stringify(data.corrections)},\n` +
          `  "prefs": ${JSON.stringify(data.prefs)},\n  "window": ${JSON.stringify(data.window)}\n}\n`,
      ),
    ];
  }
}
