// The parsed catalog in `<data>/cache/catalog.bin`, read back on a warm start without its
// summaries: they are 14 MB of the file at 10,000 lectures, and nothing on the first screen
// shows them. The file is a sealed head (entries without summaries, warnings, the key) and
// then every summary as one UTF-16 block; an entry's summary is read from its offset when
// something asks for it, and checked against its own digest in the head. A damaged summary
// is taken from the catalog page itself (and the file dropped, so the next start writes it
// again): never a wrong summary, never a crash. Plain Node.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { CatalogEntry, ParseResult } from '../shared/types';
import { parseCatalogs } from './catalog/parse';
import { readCatalog } from './catalog/read';
import { cacheDir, cacheFiles, writeSealed } from './startup-cache';

const CATALOG_FILE = cacheFiles.catalog;
const FORMAT = 'lc-catalog-3';
/** The head's SHA-256, then its length (u32), then the head (JSON), then the summaries. */
const PREFIX = 36;

const Warning = z.object({ file: z.string(), line: z.number(), message: z.string() });
const HeadEntry = z.object({
  index: z.number(),
  date: z.string().nullable(),
  title: z.string(),
  videoId: z.string(),
  line: z.number(),
  /** In UTF-16 code units. */
  summaryLength: z.number().int().nonnegative(),
  /** False when the summary is empty or only spaces (what the playlist shows). */
  hasSummary: z.boolean(),
  /** The summary's SHA-256, first 16 hex digits: a damaged block is caught per entry. */
  digest: z.string(),
});
const Head = z.object({
  format: z.literal(FORMAT),
  /** The catalog's content key (catalog/read.ts), which holds the app version. */
  key: z.string(),
  warnings: z.array(Warning),
  entries: z.array(HeadEntry),
});
type Head = z.output<typeof Head>;

const summaryDigest = (s: string) => createHash('sha256').update(s, 'utf16le').digest('hex').slice(0, 16);

/** Whether a lecture has a summary to show, without reading a cached one. */
export function hasSummary(e: CatalogEntry): boolean {
  return e instanceof CachedEntry ? CachedEntry.hasSummary(e) : e.summary.trim() !== '';
}

/** Where a cache's summaries are, and what to do when one of them is damaged. */
class SummaryBlock {
  #recovered: Map<string, string> | null = null;
  constructor(
    private readonly file: string,
    /** Byte offset of the block in the file. */
    private readonly start: number,
    /** The catalog pages, to take summaries from when the block is damaged. */
    private readonly files: readonly string[],
  ) {}

  /** The summary of `videoId`, `length` UTF-16 units from `at`, if its digest holds. */
  read(videoId: string, at: number, length: number, digest: string): string {
    if (this.#recovered) return this.#recovered.get(videoId) ?? '';
    try {
      const buf = Buffer.alloc(length * 2);
      const fd = openSync(this.file, 'r');
      try {
        if (readSync(fd, buf, 0, buf.length, this.start + at * 2) !== buf.length) throw new Error('short read');
      } finally {
        closeSync(fd);
      }
      const s = buf.toString('utf16le');
      if (summaryDigest(s) === digest) return s;
    } catch {
      // gone or unreadable: as damaged
    }
    return this.recover().get(videoId) ?? '';
  }

  /** The summaries parsed from the pages themselves; the damaged file is dropped for the next start. */
  private recover(): Map<string, string> {
    process.stderr.write('Lecture Companion: the cached catalog is damaged; reading summaries from the catalog itself\n');
    try {
      unlinkSync(this.file);
    } catch {
      // already gone
    }
    const { pages } = readCatalog(this.files, '', { text: true });
    this.#recovered = new Map(parseCatalogs(pages).entries.map((x) => [x.videoId, x.summary]));
    return this.#recovered;
  }
}

/**
 * A catalog entry from the cache: the entry's own fields in memory, the summary read on first
 * use. What it needs for that is private (#), so a copy or a comparison sees a plain entry.
 */
class CachedEntry implements CatalogEntry {
  readonly index: number;
  readonly date: string | null;
  readonly title: string;
  readonly videoId: string;
  readonly line: number;
  readonly #head: z.output<typeof HeadEntry>;
  /** Offset of this summary in the block, in UTF-16 code units. */
  readonly #at: number;
  readonly #block: SummaryBlock;
  #summary: string | undefined;

  constructor(e: z.output<typeof HeadEntry>, at: number, block: SummaryBlock) {
    ({ index: this.index, date: this.date, title: this.title, videoId: this.videoId, line: this.line } = e);
    [this.#head, this.#at, this.#block] = [e, at, block];
  }

  get summary(): string {
    const { summaryLength, digest } = this.#head;
    return (this.#summary ??= summaryLength === 0 ? '' : this.#block.read(this.videoId, this.#at, summaryLength, digest));
  }

  static hasSummary(e: CachedEntry): boolean {
    return e.#head.hasSummary;
  }
}

/** The head of `file`, read and checked without reading the summaries after it. */
function readHead(file: string): { head: unknown; start: number; size: number } | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const prefix = Buffer.alloc(PREFIX);
    if (readSync(fd, prefix, 0, PREFIX, 0) !== PREFIX) return null;
    const len = prefix.readUInt32LE(32);
    const body = Buffer.alloc(len);
    if (readSync(fd, body, 0, len, PREFIX) !== len) return null;
    if (!createHash('sha256').update(prefix.subarray(32)).update(body).digest().equals(prefix.subarray(0, 32))) return null;
    return { head: JSON.parse(body.toString('utf8')), start: PREFIX + len, size: fstatSync(fd).size };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** The cached parse of the catalog `files`, when it was written under their content key `key`. */
export function readCatalogCache(dataDir: string, key: string, files: readonly string[]): ParseResult | null {
  const file = join(cacheDir(dataDir), CATALOG_FILE);
  const read = readHead(file);
  if (!read) return null;
  const parsed = Head.safeParse(read.head);
  if (!parsed.success) return null;
  const head: Head = parsed.data;
  if (head.key !== key) return null;
  let at = 0;
  const block = new SummaryBlock(file, read.start, files);
  const entries = head.entries.map((e) => {
    const entry = new CachedEntry(e, at, block);
    at += e.summaryLength;
    return entry;
  });
  // A file cut short or grown is not this head's.
  if (read.size !== read.start + at * 2) return null;
  return { entries, warnings: head.warnings };
}

export function writeCatalogCache(dataDir: string, key: string, result: ParseResult): void {
  const full: Head = {
    format: FORMAT,
    key,
    warnings: result.warnings,
    entries: result.entries.map(({ summary, ...e }) => ({
      ...e,
      summaryLength: summary.length,
      hasSummary: summary.trim() !== '',
      digest: summaryDigest(summary),
    })),
  };
  const body = Buffer.from(JSON.stringify(full));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(body.length, 0);
  const summaries = Buffer.from(result.entries.map((e) => e.summary).join(''), 'utf16le');
  // Sealed: the length and the head; the summaries carry their own digests.
  writeSealed(join(cacheDir(dataDir), CATALOG_FILE), Buffer.concat([len, body]), summaries);
}
