// The start-up cache (parsed catalog + packed search index in <data>/cache) on real temp
// folders, through the service as the app runs it, with the index made in a worker thread.
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Service } from '../../../electron/main/service';
import { decodeLibrary } from '../../../electron/shared/contract';
import { cacheDir, cacheFiles } from '../../../electron/main/startup-cache';
import { CATALOG_FIXTURES, pagesIn, SEED } from '../helpers/fixtures';
import { closedAfterEach, recordingHost, tempDir } from '../helpers/service';
import { nth } from '../helpers/nth';
import { COURSES_FILE } from '../../../electron/main/course-cache';

const open = closedAfterEach();

const PAGES = [SEED, ...pagesIn(CATALOG_FIXTURES)];

async function start(dataDir: string, opts: { catalogs?: string[]; appVersion?: string; wait?: boolean } = {}) {
  const service = await Service.create({
    catalogFiles: opts.catalogs ?? PAGES,
    dataDir,
    host: recordingHost(join(dataDir, 'exports')),
    appVersion: opts.appVersion ?? '1.0.0',
  });
  open.push(service);
  if (opts.wait !== false) await service.searchBuilt;
  return service;
}
async function stop(service: Service) {
  await service.close();
  open.splice(open.indexOf(service), 1);
}
const ids = async (s: Service, query: string) => (await s.search({ query, limit: 200 })).hits.map((h) => h.videoId).sort();
// A hang guard only, far above the measured time (≈20 s for the damage cases on a busy 2-core box).
const HANG_GUARD = 300_000;
const QUERIES = ['注意力', '強化學習', '学习', 'GAN 訓練', 'self-att', '學', 'transformer'];

/** What a fresh build on this thread answers, to compare cached answers with. */
async function reference(catalogs = PAGES) {
  const s = await Service.create({ catalogFiles: catalogs, dataDir: tempDir(), host: recordingHost(tempDir()), searchBuild: 'inline' });
  open.push(s);
  await s.searchBuilt;
  const out = new Map<string, unknown>();
  for (const q of QUERIES) out.set(q, await s.search({ query: q, limit: 200 }));
  await stop(s);
  return out;
}

describe('start-up cache', () => {
  it(
    'a second start reads the index and the catalog back, and answers exactly as a fresh build',
    async () => {
      const dir = tempDir();
      const first = await start(dir);
      expect(first.searchSource).toBe('build');
      expect(readdirSync(cacheDir(dir)).sort()).toEqual([cacheFiles.catalog, cacheFiles.index, COURSES_FILE].sort());
      const lib1 = await first.getLibrary();
      await stop(first);

      const second = await start(dir);
      expect(second.searchSource).toBe('cache');
      expect(await second.getLibrary()).toEqual(lib1);
      const ref = await reference();
      for (const q of QUERIES) expect(await second.search({ query: q, limit: 200 }), q).toEqual(ref.get(q));
    },
    HANG_GUARD,
  );

  it(
    'a damaged cache means a rebuild, never a crash or a wrong answer',
    async () => {
      const ref = await reference();
      const damages: [string, (file: string) => void][] = [
        ['truncated index', (f) => writeFileSync(f, readFileSync(f).subarray(0, 1000))],
        [
          'one byte flipped in the index',
          (f) => {
            const b = readFileSync(f);
            b[b.length >> 1] = nth(b, b.length >> 1) ^ 0x20;
            writeFileSync(f, b);
          },
        ],
        ['empty index', (f) => writeFileSync(f, '')],
        ['garbage catalog', (f) => writeFileSync(f.replace(cacheFiles.index, cacheFiles.catalog), 'not json at all')],
        [
          'one byte flipped in the catalog',
          (f) => {
            const c = f.replace(cacheFiles.index, cacheFiles.catalog);
            const b = readFileSync(c);
            b[b.length - 200] = nth(b, b.length - 200) ^ 0x01;
            writeFileSync(c, b);
          },
        ],
      ];
      for (const [what, damage] of damages) {
        const dir = tempDir();
        const first = await start(dir);
        const lib1 = await first.getLibrary();
        await stop(first);
        damage(join(cacheDir(dir), cacheFiles.index));
        const s = await start(dir);
        expect(await s.getLibrary(), what).toEqual(lib1);
        if (what.includes('index')) expect(s.searchSource, what).toBe('build');
        for (const q of QUERIES) expect(await s.search({ query: q, limit: 200 }), `${what}: ${q}`).toEqual(ref.get(q));
        await stop(s);
        // The rebuild rewrote the cache: the next start uses it again.
        const again = await start(dir);
        expect(again.searchSource, what).toBe('cache');
        await stop(again);
      }
    },
    HANG_GUARD,
  );

  it(
    'a stale cache (bytes changed under the same size and time, another app version) is not used; a touched file is',
    async () => {
      const dir = tempDir();
      const page = join(tempDir(), 'catalog.md');
      copyFileSync(SEED, page);
      // A whole second, so that the time can be set back exactly (as cp -p, rsync -t or touch -r do).
      utimesSync(page, 1_700_000_000, 1_700_000_000);
      const before = statSync(page);
      const first = await start(dir, { catalogs: [page] });
      const lecture = decodeLibrary(await first.getLibrary()).lectures.find((l) => /\bDomain\b/.test(l.title));
      expect(lecture).toBeDefined();
      const old = lecture!.title;
      await stop(first);
      // One title and one summary changed, each by as many bytes as they had.
      const text = readFileSync(SEED, 'utf8');
      const changed = text.replace(old, old.replace('Domain', 'Quokka')).replace('核心主題', '袋鼠主題');
      expect(changed).not.toBe(text);
      writeFileSync(page, changed);
      utimesSync(page, before.atime, before.mtime);
      expect([statSync(page).size, statSync(page).mtimeMs]).toEqual([before.size, before.mtimeMs]);

      const s = await start(dir, { catalogs: [page] });
      expect(s.searchSource).toBe('build');
      const titles = decodeLibrary(await s.getLibrary()).lectures.map((l) => l.title);
      expect(titles).toContain(old.replace('Domain', 'Quokka'));
      expect(titles).not.toContain(old);
      expect((await s.search({ query: 'quokka' })).hits.map((h) => h.videoId)).toEqual([lecture!.videoId]);
      expect((await s.search({ query: old })).hits.map((h) => h.title)).not.toContain(old);
      const kangaroo = (await s.search({ query: '袋鼠' })).hits;
      expect(kangaroo).toHaveLength(1);
      expect((await s.getLecture({ videoId: nth(kangaroo, 0).videoId })).summary).toContain('袋鼠主題');
      await stop(s);
      // The same bytes with a new time: the content key holds, the cache is used.
      utimesSync(page, 1_800_000_000, 1_800_000_000);
      const touched = await start(dir, { catalogs: [page] });
      expect(touched.searchSource).toBe('cache');
      expect((await touched.search({ query: 'quokka' })).hits.map((h) => h.videoId)).toEqual([lecture!.videoId]);
      await stop(touched);
      const upgraded = await start(dir, { catalogs: [page], appVersion: '1.0.1' });
      expect(upgraded.searchSource).toBe('build');
    },
    HANG_GUARD,
  );

  it(
    'notes edited, merged and restored are searched as they are now, also after a restart',
    async () => {
      const dir = tempDir();
      const first = await start(dir);
      const lectures = decodeLibrary(await first.getLibrary()).lectures;
      const [a, b, c] = [nth(lectures, 0), nth(lectures, 1), nth(lectures, 2)];
      await first.saveNote({ videoId: a.videoId, text: '舊筆記 wombat' });
      expect(await ids(first, 'wombat')).toEqual([a.videoId]);
      await first.saveNote({ videoId: a.videoId, text: '新筆記 quokka' });
      await first.saveNote({ videoId: b.videoId, text: '第二則 platypus' });
      expect(await ids(first, 'wombat')).toEqual([]);
      expect(await ids(first, 'quokka')).toEqual([a.videoId]);
      await stop(first); // the cache was written while the wombat note existed

      const second = await start(dir);
      expect(second.searchSource).toBe('cache');
      expect(await ids(second, 'wombat')).toEqual([]);
      expect(await ids(second, 'quokka')).toEqual([a.videoId]);
      expect(await ids(second, 'platypus')).toEqual([b.videoId]);
      // A backup from another computer brings a note on c: searched at once.
      const other = await start(tempDir(), { wait: false });
      await other.saveNote({ videoId: c.videoId, text: '另一台電腦 echidna' });
      const backup = other.store.exportBackup();
      await stop(other);
      await second.importBackup({ content: backup });
      expect(await ids(second, 'echidna')).toEqual([c.videoId]);
      expect(await ids(second, 'platypus')).toEqual([b.videoId]);
      // Restoring the automatic backup taken before the merge undoes it, in search too.
      const backups = await second.listBackups();
      const before = backups.find((x) => x.name.includes('merge'));
      expect(before, JSON.stringify(backups)).toBeDefined();
      await second.restoreBackup({ name: before!.name });
      expect(await ids(second, 'echidna')).toEqual([]);
      expect(await ids(second, 'quokka')).toEqual([a.videoId]);
      await second.saveNote({ videoId: b.videoId, text: '' });
      expect(await ids(second, 'platypus')).toEqual([]);
      await stop(second);

      const third = await start(dir);
      expect(third.searchSource).toBe('cache');
      expect(await ids(third, 'platypus')).toEqual([]);
      expect(await ids(third, 'echidna')).toEqual([]);
      expect(await ids(third, 'quokka')).toEqual([a.videoId]);
    },
    HANG_GUARD,
  );

  it(
    'answers from titles and notes while the worker builds, then from the whole index',
    async () => {
      const dir = tempDir();
      const s = await start(dir, { wait: false });
      const lib = decodeLibrary(await s.getLibrary());
      await s.saveNote({ videoId: nth(lib.lectures, 2).videoId, text: '建索引時寫的 capybara' });
      const early = await s.search({ query: '自注意力機制' });
      const late = () => s.search({ query: '強化學習' });
      if (!early.ready) {
        // Titles and notes are scanned meanwhile; summaries wait for the index.
        expect(early.hits.length).toBeGreaterThan(0);
        expect((await s.search({ query: 'capybara' })).hits.map((h) => h.videoId)).toEqual([nth(lib.lectures, 2).videoId]);
        expect((await s.getLecture({ videoId: nth(lib.lectures, 0).videoId })).videoId).toBe(nth(lib.lectures, 0).videoId);
      }
      await s.searchBuilt;
      expect((await late()).ready).toBe(true);
      expect((await late()).hits.length).toBeGreaterThan(5);
      expect((await s.search({ query: 'capybara' })).hits.map((h) => h.videoId)).toEqual([nth(lib.lectures, 2).videoId]);
      expect(s.searchSource).toBe('build');
    },
    HANG_GUARD,
  );
});
