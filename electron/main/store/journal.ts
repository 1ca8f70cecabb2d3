// The write-ahead journal beside the data file. A save appends one line holding the parts
// it changed (a note and its tombstone, a watched mark, the prefs …) and resolves after one
// write and one fdatasync of that line: a few hundred bytes instead of rewriting a 3.5 MB
// file. Opening replays the journal over the data file; compaction (store.ts, mutations.ts)
// rewrites the data file durably and then empties the journal.
//
// A line is `<crc32 of the JSON, 8 hex digits> <JSON>\n`. A line cut short by a crash, or
// one whose checksum does not match, ends the journal: it and anything after it are dropped,
// everything before it is kept. Each record carries a sequence number, and the data file
// names the last one it contains (`journalSeq`), so a crash between rewriting the data file
// and emptying the journal cannot apply a record twice.
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import { nodeFs, syncDir, type DurableFs, type DurableHandle } from './durable';

export const JOURNAL_FILE = 'lecture-companion.journal';

/** One changed part: `data[field][id] = value` (`data[field] = value` when id is null); null value deletes. */
export type JournalPart = [field: string, id: string | null, value: unknown];

export interface JournalRecord {
  seq: number;
  /** The device's sequence after this change (a note or mark edit bumps it). */
  deviceSeq: number;
  set: JournalPart[];
}

const NL = 0x0a;

export function encodeRecord(r: JournalRecord): Buffer {
  const json = Buffer.from(JSON.stringify(r));
  const sum = crc32(json).toString(16).padStart(8, '0');
  return Buffer.concat([Buffer.from(`${sum} `), json, Buffer.from('\n')]);
}

function isRecord(v: unknown): v is JournalRecord {
  const r = v as JournalRecord | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    Number.isSafeInteger(r.seq) &&
    Number.isSafeInteger(r.deviceSeq) &&
    Array.isArray(r.set) &&
    r.set.every((p) => Array.isArray(p) && p.length === 3 && typeof p[0] === 'string' && (p[1] === null || typeof p[1] === 'string'))
  );
}

export interface DecodedJournal {
  records: JournalRecord[];
  /** Bytes from the first bad or incomplete line to the end: dropped. */
  droppedBytes: number;
}

/** The journal's good records, up to the first torn or corrupt line. */
export function decodeJournal(bytes: Uint8Array): DecodedJournal {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: JournalRecord[] = [];
  let at = 0;
  while (at < buf.length) {
    const end = buf.indexOf(NL, at);
    if (end < 0) break; // torn: the crash came before the line's end
    const rec = decodeLine(buf.subarray(at, end));
    // Sequence numbers only grow: a line out of order is not one this store appended.
    if (!rec || (records.length > 0 && rec.seq <= records[records.length - 1]!.seq)) break;
    records.push(rec);
    at = end + 1;
  }
  return { records, droppedBytes: buf.length - at };
}

function decodeLine(line: Buffer): JournalRecord | null {
  if (line.length < 10 || line[8] !== 0x20) return null;
  const sum = line.subarray(0, 8).toString('latin1');
  const json = line.subarray(9);
  if (!/^[0-9a-f]{8}$/.test(sum) || parseInt(sum, 16) !== crc32(json)) return null;
  try {
    const v: unknown = JSON.parse(json.toString('utf8'));
    return isRecord(v) ? v : null;
  } catch {
    return null;
  }
}

const code = (e: unknown) => (e as NodeJS.ErrnoException | null)?.code;

/**
 * The journal file, appended to through one handle kept open. After a failed append the
 * file is cut back to where it was, so a later line never follows a broken one; when even
 * that fails the journal is `broken` and the store compacts (which empties it) before
 * appending again.
 */
export class Journal {
  #h: DurableHandle | null = null;
  #size = 0;
  #broken = false;
  /** The folder is synced once, after the file's first line, so the file's name survives a power cut. */
  #named = false;

  constructor(
    readonly path: string,
    private readonly fs: DurableFs = nodeFs,
    /** Its size on disk at open: a journal left by the last run is emptied at the first compaction. */
    initialSize = 0,
  ) {
    this.#size = initialSize;
    this.#named = initialSize > 0;
  }

  /** Bytes appended since the journal was last emptied. */
  get size(): number {
    return this.#size;
  }

  get broken(): boolean {
    return this.#broken;
  }

  async #handle(): Promise<DurableHandle> {
    if (this.#h) return this.#h;
    this.#h = await this.fs.open(this.path, 'a');
    return this.#h;
  }

  /** Append one record durably: on disk when this resolves, and gone again when it rejects. */
  async append(rec: JournalRecord): Promise<void> {
    if (this.#broken) throw new Error('the journal must be emptied before appending');
    const line = encodeRecord(rec);
    const before = this.#size;
    try {
      const h = await this.#handle();
      for (let at = 0; at < line.length;) at += (await writeSome(h, line, at)).bytesWritten;
      await (h.datasync ? h.datasync() : h.sync());
      if (!this.#named) {
        await syncDir(dirname(this.path), this.fs);
        this.#named = true;
      }
      this.#size = before + line.length;
    } catch (e) {
      await this.#cutBack(before);
      throw e;
    }
  }

  async #cutBack(size: number): Promise<void> {
    try {
      const h = await this.#handle();
      if (!h.truncate) throw new Error('no truncate');
      await h.truncate(size);
      await (h.datasync ? h.datasync() : h.sync());
    } catch {
      this.#broken = true;
    }
  }

  /** Empty the journal, after the data file was rewritten with everything in it. */
  async reset(): Promise<void> {
    if (this.#size === 0 && !this.#broken) return; // nothing to empty: no file is made for it
    try {
      const h = await this.#handle();
      if (!h.truncate) throw new Error('no truncate');
      await h.truncate(0);
      await (h.datasync ? h.datasync() : h.sync());
      this.#size = 0;
      this.#broken = false;
    } catch (e) {
      // The data file already holds every record (by journalSeq): the journal stays harmless,
      // but no line may follow what is in it until it is emptied.
      this.#broken = true;
      if (code(e) !== 'ENOENT') throw e;
    }
  }

  async close(): Promise<void> {
    const h = this.#h;
    this.#h = null;
    await h?.close();
  }
}

function writeSome(h: DurableHandle, buf: Buffer, at: number): Promise<{ bytesWritten: number }> {
  if (h.write) return h.write(buf, at, buf.length - at);
  return h.writeFile(buf.subarray(at)).then(() => ({ bytesWritten: buf.length - at }));
}
