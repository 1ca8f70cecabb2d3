// Durable file writes: a uniquely named temp file → write → fsync (fdatasync) → rename (or link, to
// never replace) → fsync of the folder, all before the promise resolves. So "saved" means
// on disk, also across a power cut, and a failure at any step leaves the old file as it was.
// The fs layer is injectable: tests record the order of calls, or fail one with ENOSPC.
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** A file's content: text, bytes, or bytes in parts (written one after another, never joined). */
export type Bytes = Uint8Array | string | readonly Uint8Array[];

export function byteLength(data: Bytes): number {
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (data instanceof Uint8Array) return data.length;
  let n = 0;
  for (const b of data) n += b.length;
  return n;
}

export interface DurableHandle {
  writeFile(data: Bytes): Promise<void>;
  /** Where present, bytes are written with this: one call for the whole buffer (writeFile splits it in 512 kB calls). */
  write?(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  /** fdatasync: the data and what reading it needs (size, blocks), not times. Used where present. */
  datasync?(): Promise<void>;
  utimes?(atime: number, mtime: number): Promise<void>;
  /** Cut the file to `length` bytes: the journal takes back a failed append, and empties itself. */
  truncate?(length: number): Promise<void>;
  close(): Promise<void>;
}

/** The few calls a durable write makes; `fsp` satisfies it. */
export interface DurableFs {
  open(path: string, flags: string): Promise<DurableHandle>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, path: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export const nodeFs: DurableFs = fsp as unknown as DurableFs;

const code = (e: unknown) => (e as NodeJS.ErrnoException | null)?.code;

/** A temp name no other writer (another process, an overlapping write) can pick. */
export function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * fsync a folder, so a rename or link in it survives a power cut. Windows cannot open a
 * folder for syncing (EISDIR/EPERM), and some filesystems refuse (EINVAL): skipped there.
 */
export async function syncDir(dir: string, fs: DurableFs = nodeFs): Promise<void> {
  let h: DurableHandle;
  try {
    h = await fs.open(dir, 'r');
  } catch (e) {
    if (['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP'].includes(code(e) ?? '')) return;
    throw e;
  }
  try {
    await h.sync();
  } catch (e) {
    if (!['EINVAL', 'ENOTSUP', 'EISDIR', 'EPERM', 'EBADF'].includes(code(e) ?? '')) throw e;
  } finally {
    await h.close();
  }
}

export interface WriteOptions {
  fs?: DurableFs;
  /** Never replace: fail with EEXIST when `path` exists (link instead of rename). */
  exclusive?: boolean;
  /** Set the file's mtime (ms) before it gets its name: backups carry their time in it. */
  mtime?: number;
}

/** Write `data` to a temp file and sync it; the caller gives it its name. */
async function writeTemp(tmp: string, data: Bytes, fs: DurableFs, mtime?: number): Promise<void> {
  const h = await fs.open(tmp, 'wx');
  try {
    await writeAll(h, data);
    if (mtime !== undefined && h.utimes) await h.utimes(mtime / 1000, mtime / 1000);
    // A new file's content and size are all a reader needs, and fdatasync makes them durable
    // without a separate flush of its times (about a fifth less per save here); a set mtime
    // (a backup's time) is metadata fdatasync may skip, so then a full fsync.
    if (mtime === undefined && h.datasync) await h.datasync();
    else await h.sync();
  } finally {
    await h.close();
  }
}

async function writeAll(h: DurableHandle, data: Bytes): Promise<void> {
  if (!h.write || typeof data === 'string') return h.writeFile(data);
  for (const part of data instanceof Uint8Array ? [data] : data) {
    // A write may take only part of a buffer (a signal, a huge one): go on from there.
    for (let at = 0; at < part.length;) at += (await h.write(part, at, part.length - at)).bytesWritten;
  }
}

/**
 * Write `data` as `path`, durably: either the whole new content or the old file, never a
 * part, and on disk when this resolves. With `exclusive`, an existing file is never replaced.
 */
export async function writeDurable(path: string, data: Bytes, opts: WriteOptions = {}): Promise<void> {
  const fs = opts.fs ?? nodeFs;
  const tmp = tempName(path);
  try {
    await writeTemp(tmp, data, fs, opts.mtime);
    if (opts.exclusive) {
      await linkOrRename(fs, tmp, path);
    } else {
      await fs.rename(tmp, path);
    }
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    throw e;
  }
  await syncDir(dirname(path), fs);
}

/**
 * link() fails if the name exists, unlike rename(), so nothing is replaced. Filesystems
 * without hard links (FAT, some shares) get a rename: the caller checked the name is free.
 */
async function linkOrRename(fs: DurableFs, tmp: string, path: string): Promise<void> {
  try {
    await fs.link(tmp, path);
  } catch (e) {
    if (['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(code(e) ?? '')) {
      await fs.rename(tmp, path);
      return;
    }
    throw e;
  }
  await fs.unlink(tmp);
}

/**
 * lowdb's adapter for the data file, written durably. Reads give the bytes (the store
 * decodes and validates them itself); writes take bytes or text.
 */
export class DurableFile implements Adapter<Bytes> {
  constructor(
    readonly path: string,
    private readonly fs: DurableFs = nodeFs,
  ) {}

  async read(): Promise<Uint8Array | null> {
    try {
      return await fsp.readFile(this.path);
    } catch (e) {
      if (code(e) === 'ENOENT') return null;
      throw e;
    }
  }

  write(data: Bytes): Promise<void> {
    return writeDurable(this.path, data, { fs: this.fs });
  }
}

/** Temp files of durable writes (and steno's fixed `.NAME.tmp` from older versions). */
const TEMP = /^\..+?(\.\d+-[0-9a-f]{12})?\.tmp$/;

/**
 * Remove temp files a killed process left in `dir`. Only while holding the data folder's
 * lock: then no other writer can be mid-write there.
 */
export async function removeStaleTemps(dir: string, keepPrefix = '..lock'): Promise<void> {
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  // Another process's lock attempt is not covered by our lock: its temp file stays.
  for (const n of names) if (TEMP.test(n) && !n.startsWith(keepPrefix)) await fsp.unlink(join(dir, n)).catch(() => undefined);
}
