// Store saves with 10,000 entries against a plain fs.promises.writeFile of the whole
// data's bytes (what a store that rewrites its file writes per save), and against lowdb's
// plain atomic write (steno: temp + rename, no fsync) of those bytes: the `-vs-atomic`
// figures compare a durable save (a journal line and its fdatasync, or a durable rewrite
// when the journal is compacted) with the least a crash-safe whole-file save does.
import { mkdtempSync, promises as fsp, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataEncoder } from '../electron/main/store/encode';
import { openStore } from '../electron/main/store/store';
import { Service } from '../electron/main/service';
import type { Host } from '../electron/main/host';
import { generatedCatalogPath } from './generate';
import { performance } from 'node:perf_hooks';
import { TextFile } from 'lowdb/node';
import { median, ratioFigure, type Figure } from './lib';

const N = 10_000;
const RUNS = 21;
const id = (i: number) => `b${String(i).padStart(10, '0')}`;
// A typical note: a few lines mixing Chinese and English, as in the lectures.
const noteText = (i: number) => `第${i}講：注意力機制 self-attention, Q/K/V.\n${'重點 key point; 例子 example. '.repeat(8)}`;

type Opened = Awaited<ReturnType<typeof openStore>>;

/**
 * The whole current data as the data file holds it: the bytes a whole-file save writes. Kept
 * encoded between saves and updated for the changed ids only, as the store's encoder does,
 * into one reused buffer: re-encoding 4 MB per save here would leave garbage whose
 * collection lands in the next timed save.
 */
class WholeData {
  readonly #enc = new DataEncoder();
  constructor(private readonly store: Opened) {
    this.#enc.reset(store.data);
  }
  bytes(changed: string): Buffer {
    const d = this.store.data;
    this.#enc.watched.touch(changed, d.watched);
    this.#enc.unwatched.touch(changed, d.unwatched);
    this.#enc.notes.touch(changed, d.notes);
    this.#enc.deletedNotes.touch(changed, d.deletedNotes);
    return this.#enc.encodeForWrite(d)[0]!;
  }
}

async function flushFile(path: string): Promise<void> {
  const h = await fsp.open(path, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

/**
 * Median of the store's save and of a plain writeFile of the whole data after it,
 * measured alternately in one loop so both see the same machine load (these are
 * sub-millisecond to few-millisecond operations on a shared 2-core box).
 */
async function measure(
  setup: (s: Opened) => Promise<void>,
  changed: (i: number) => string,
  change: (s: Opened, i: number) => Promise<unknown>,
) {
  const dir = mkdtempSync(join(tmpdir(), 'lc-bench-store-'));
  try {
    const store = await openStore({ dataDir: dir, backupsPerDay: false });
    await setup(store);
    const whole = new WholeData(store);
    const plain = join(dir, 'plain.json');
    const atomicPath = join(dir, 'atomic.json');
    const atomic = new TextFile(atomicPath);
    const storeTimes: number[] = [];
    const plainTimes: number[] = [];
    const atomicTimes: number[] = [];
    for (let i = -2; i < RUNS; i++) {
      let t = performance.now();
      await change(store, i + 2);
      const storeMs = performance.now() - t;
      const bytes = whole.bytes(changed(i + 2)); // the data as it is now, as the data file holds it
      t = performance.now();
      await fsp.writeFile(plain, bytes);
      const plainMs = performance.now() - t;
      t = performance.now();
      // steno passes its argument to fs.writeFile, which takes the bytes as they are.
      await atomic.write(bytes as unknown as string);
      const atomicMs = performance.now() - t;
      // Untimed: flush what the two baselines left in the page cache, or the store's next
      // fdatasync (ext4 commits other files' pending data with it) would pay for their writes.
      for (const f of [plain, atomicPath]) await flushFile(f);
      if (i < 0) continue; // warm-up
      storeTimes.push(storeMs);
      plainTimes.push(plainMs);
      atomicTimes.push(atomicMs);
    }
    const size = whole.bytes(changed(0)).length;
    await store.close();
    return { value: median(storeTimes), baseline: median(plainTimes), atomic: median(atomicTimes), size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The longest time the event loop was blocked while the service imported a ~39 MB backup
 * (a 3.9 kB note on each of the 10,000 lectures of the generated catalog): every other
 * request (getLibrary, a note save) waits at least that long. The whole request as the
 * service answers it: reading, merging, writing, re-indexing the notes, the library. The
 * baseline is the same measure around one JSON.parse of that backup, the least any import
 * in one go blocks for (the issue measured 12 s for the whole import so, and asks for about 100 ms).
 */
async function importStall(): Promise<{ maxStall: number; parseStall: number; size: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'lc-bench-import-'));
  const host: Host = {
    exports: 'save',
    openExternal: async () => undefined,
    chooseSavePath: async () => null,
    writeFiles: async () => undefined,
  };
  const catalogFiles = [generatedCatalogPath(N)];
  try {
    const service = await Service.create({ catalogFiles, dataDir: join(dir, 'here'), host });
    const other = await Service.create({ catalogFiles, dataDir: join(dir, 'other'), host, searchBuild: 'inline' });
    const { ids } = (await other.getLibrary()).lectures;
    const big = '大型匯入 big import line; '.repeat(175); // ~39 MB of backup text, as in the issue
    await Promise.all(ids.map((videoId, i) => other.saveNote({ videoId, text: `${i} ${big}` })));
    // As a transport hands it over: a flat string out of JSON.parse (exportBackup's is a
    // concatenation, which the first read would flatten, a cost no real import has).
    const backup = JSON.parse(JSON.stringify(other.store.exportBackup())) as string;
    await other.close();
    await service.searchBuilt; // its own start-up work is not the import's
    const parseStall = await longestStall(async () => void JSON.parse(backup));
    const maxStall = await longestStall(() => service.importBackup({ content: backup }));
    await service.close();
    return { maxStall, parseStall, size: backup.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The longest gap between turns of the event loop while `work` runs (sampled by a 1 ms timer). */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let max = 0;
  let last = performance.now();
  let done = false;
  const probe = () => {
    const t = performance.now();
    max = Math.max(max, t - last);
    last = t;
    if (!done) setTimeout(probe, 1);
  };
  setTimeout(probe, 1);
  await new Promise((r) => setTimeout(r, 5)); // the probe is running
  await work();
  done = true;
  await new Promise((r) => setTimeout(r, 5));
  return max;
}

export async function run(): Promise<Figure[]> {
  const notes = await measure(
    async (s) => {
      await Promise.all(Array.from({ length: N }, (_, i) => s.saveNote(id(i), noteText(i))));
    },
    (i) => id(N + i),
    (s, i) => s.saveNote(id(N + i), `one more note ${i}`),
  );
  const watched = await measure(
    async (s) => {
      await Promise.all(Array.from({ length: N }, (_, i) => s.setWatched(id(i), true)));
    },
    (i) => id(i % 50),
    (s, i) => s.setWatched(id(i % 50), i % 2 === 1),
  );
  const stall = await importStall();
  process.stderr.write(
    `bench store: import of ${(stall.size / 1e6).toFixed(1)} MB (characters) blocked the event loop for up to ${stall.maxStall.toFixed(0)} ms; one JSON.parse of it for ${stall.parseStall.toFixed(0)} ms\n`,
  );
  process.stderr.write(`bench store: notes file ${(notes.size / 1e6).toFixed(2)} MB, watched file ${(watched.size / 1e3).toFixed(0)} kB\n`);
  return [
    // The notes issue asks for this figure next to writeFile without setting a target.
    ratioFigure('notes-save-10k', notes.value, notes.baseline, null),
    ratioFigure('watched-save-10k', watched.value, watched.baseline, 1.5),
    // The same saves against the least any crash-safe save must do (temp file + rename),
    // which isolates the store's own cost (encoding, queue) from the filesystem's.
    ratioFigure('notes-save-10k-vs-atomic', notes.value, notes.atomic, 1.5),
    ratioFigure('watched-save-10k-vs-atomic', watched.value, watched.atomic, 1.5),
    // The issue's ~100 ms against the ~400 ms a JSON.parse of 39 MB takes on a quiet machine here.
    ratioFigure('import-39mb-max-stall', stall.maxStall, stall.parseStall, 0.25),
  ];
}
