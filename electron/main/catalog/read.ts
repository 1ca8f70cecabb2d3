// The catalog pages as a start reads them, and the content key the start-up caches are
// valid for. Every start reads and hashes every page's bytes: a file's size and time do not
// stand for its content (`cp -p`, `rsync -t`, `touch -r` or an unpacked archive put new
// bytes under the old size and time), and on the 21 MB bench catalog reading and hashing
// take about 25 ms, against seconds to parse and index. SHA-256, as the cache files' seals:
// with the CPU's SHA instructions it hashed those bytes as fast as SHA-1 and faster than MD5
// (12.6, 12.0 and 29.5 ms; a CPU without them may take a few times longer, still small
// beside a rebuild). What cost more was hashing decoded text (~100 ms), so bytes are hashed,
// read through one reused buffer. Plain Node: runs in the main thread and the search worker.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export interface Page {
  text: string;
  file: string;
}

export interface ReadCatalog {
  /** SHA-256 over the app version and each readable page's name and bytes, in order. */
  key: string;
  /** The readable pages' text; empty unless asked for. */
  pages: Page[];
  unreadable: { file: string; message: string }[];
}

const CHUNK = 1 << 20;

/** One page's bytes through `chunk`, a chunk at a time; throws when it cannot be read. */
function readChunks(file: string, buf: Buffer, chunk: (bytes: Buffer) => void): void {
  const fd = openSync(file, 'r');
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) chunk(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads `files` in order, hashing their bytes (and decoding them, with `text`). A page that
 * cannot be read is listed, not thrown, and left out of the key: the caller warns about it.
 */
export function readCatalog(files: readonly string[], appVersion: string, opts: { text: boolean }): ReadCatalog {
  const key = createHash('sha256').update(`lecture-companion ${appVersion}\0`);
  const buf = Buffer.allocUnsafe(CHUNK);
  const pages: Page[] = [];
  const unreadable: ReadCatalog['unreadable'] = [];
  for (const file of files) {
    const hash = createHash('sha256');
    const decoder = opts.text ? new StringDecoder('utf8') : null;
    const parts: string[] = [];
    try {
      readChunks(file, buf, (bytes) => {
        hash.update(bytes);
        if (decoder) parts.push(decoder.write(bytes));
      });
    } catch (e) {
      unreadable.push({ file, message: (e as Error).message });
      continue;
    }
    // A name holds no NUL and a digest has a fixed length: no two catalogs frame alike.
    key.update(`${file}\0${hash.digest('hex')}\0`);
    if (decoder) pages.push({ file, text: parts.join('') + decoder.end() });
  }
  return { key: key.digest('hex'), pages, unreadable };
}
