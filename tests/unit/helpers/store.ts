// Real stores in real temp folders for the store tests, closed and removed after each test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { byteLength, nodeFs, type DurableFs } from '../../../electron/main/store/durable';
import { decodeJournal, JOURNAL_FILE } from '../../../electron/main/store/journal';
import { applyRecords } from '../../../electron/main/store/replay';
import { DATA_FILE, openStore, type Store } from '../../../electron/main/store/store';

/**
 * What a start would read from `dataDir`: the data file's JSON with the journal's lines
 * replayed over it (without the file's journalSeq, which is not data).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests index into the file's JSON freely
export function onDiskJson(dataDir: string): Record<string, any> {
  const raw = JSON.parse(readFileSync(join(dataDir, DATA_FILE), 'utf8')) as Record<string, unknown>;
  const journal = (() => {
    try {
      return readFileSync(join(dataDir, JOURNAL_FILE));
    } catch {
      return Buffer.alloc(0);
    }
  })();
  applyRecords(raw, decodeJournal(journal).records, typeof raw.journalSeq === 'number' ? raw.journalSeq : 0);
  delete raw.journalSeq;
  return raw;
}

export function useStores(prefix: string, defaultNow?: () => number) {
  const dirs: string[] = [];
  const open: Store[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close().catch(() => undefined);
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return {
    tempDir(): string {
      const d = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(d);
      return d;
    },
    async openAt(dataDir: string, now: (() => number) | undefined = defaultNow, fs?: DurableFs): Promise<Store> {
      const s = await openStore({ dataDir, now, fs });
      open.push(s);
      return s;
    },
    /** A new folder whose data holds these notes (saved at `now`, the store closed again). */
    async seeded(notes: Record<string, string>, now: (() => number) | undefined = defaultNow): Promise<string> {
      const d = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(d);
      const s = await openStore({ dataDir: d, now });
      for (const [id, text] of Object.entries(notes)) await s.saveNote(id, text);
      await s.close();
      return d;
    },
  };
}

/**
 * A disk for the store that fills up: a write larger than `limit` bytes (or any write
 * while `full`) fails with ENOSPC, as a full disk does, after the temp file is opened.
 */
export function fillingDisk() {
  const state = { limit: Infinity, full: false, failures: 0 };
  const fs: DurableFs = {
    ...nodeFs,
    async open(path, flags) {
      const h = await nodeFs.open(path, flags);
      return {
        sync: () => h.sync(),
        close: () => h.close(),
        utimes: (a, m) => h.utimes!(a, m),
        truncate: (n) => h.truncate!(n),
        async writeFile(d) {
          if (state.full || byteLength(d) > state.limit) {
            state.failures++;
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          }
          await h.writeFile(d);
        },
      };
    },
  };
  return { fs, state };
}

/**
 * A real small disk: a tmpfs of `size` (e.g. '1m') mounted on a temp folder, when this
 * runs as root and mounting is allowed; null otherwise (callers then inject ENOSPC).
 * Unmounted after the test.
 */
export function tinyDisk(size: string): string | null {
  if (process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'lc-tiny-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  mounts.push(dir);
  return dir;
}

const mounts: string[] = [];
afterEach(() => {
  for (const d of mounts.splice(0)) {
    spawnSync('umount', [d], { stdio: 'ignore' });
    rmSync(d, { recursive: true, force: true });
  }
});
