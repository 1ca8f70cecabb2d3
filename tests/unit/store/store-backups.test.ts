// Rotating backups, restore, merge of an imported backup, and the single-instance lock.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useStores } from '../helpers/store';
import { ApiError } from '../../../electron/shared/contract';
import { dailyName } from '../../../electron/main/store/backups';
import { SCHEMA_VERSION } from '../../../electron/main/store/schema';
import { acquireLock, lockContent, processStart } from '../../../electron/main/store/lock';
import { conflictText } from '../../../electron/main/store/merge';
import { DATA_FILE, openStore, type Store } from '../../../electron/main/store/store';

const DAY = 86_400_000;
const BASE = Date.UTC(2025, 2, 1, 10, 0, 0);
const { tempDir, openAt, seeded } = useStores('lc-backups-', () => BASE);
const backupNames = (dir: string) => readdirSync(join(dir, 'backups')).sort();

describe('daily backups', () => {
  it('over 10 days keeps the last 7 dailies, each a copy of the file as it was at open', async () => {
    const dir = tempDir();
    for (let day = 0; day < 10; day++) {
      const s = await openAt(dir, () => BASE + day * DAY);
      await s.saveNote(`day${String(day).padStart(8, '0')}`, `written on day ${day}`);
      await s.close();
      // A second start on the same day makes no second daily.
      const same = await openAt(dir, () => BASE + day * DAY + 3600_000);
      await same.close();
    }
    // Day 0 started with no file, so dailies exist for days 1..9; the newest 7 remain.
    const expected = [3, 4, 5, 6, 7, 8, 9].map((d) => dailyName(BASE + d * DAY));
    expect(backupNames(dir)).toEqual(expected.sort());

    const s = await openAt(dir, () => BASE + 9 * DAY + 7200_000);
    const list = await s.listBackups();
    expect(list.map((b) => b.name)).toEqual([...expected].reverse()); // newest first
    expect(list[0]).toMatchObject({ reason: 'daily', createdAt: BASE + 9 * DAY, notes: 9, watched: 0 });
    expect(list[6]).toMatchObject({ createdAt: BASE + 3 * DAY, notes: 3 });
  });

  it("an app left open across days makes each day's backup at that day's first write", async () => {
    const dir = tempDir();
    // Local noon, so the same-day steps stay on one local date in any time zone.
    const noon = new Date(2025, 2, 1, 12, 0, 0).getTime();
    let t = noon;
    const s = await openAt(dir, () => t);
    await s.saveNote('day0000000a', 'monday');
    expect(existsSync(join(dir, 'backups'))).toBe(false); // no file at open: nothing to copy
    t = noon + 3 * 3600_000;
    await s.saveNote('day0000000b', 'monday evening');
    expect(existsSync(join(dir, 'backups'))).toBe(false); // same day

    t = noon + DAY;
    await s.saveNote('day1000000a', 'tuesday');
    expect(backupNames(dir)).toEqual([dailyName(noon + DAY)]);
    // The file as it was before the day's first write.
    const tuesdayBytes = readFileSync(join(dir, 'backups', dailyName(noon + DAY)));
    const tuesday = JSON.parse(tuesdayBytes.toString('utf8'));
    expect(Object.keys(tuesday.notes).sort()).toEqual(['day0000000a', 'day0000000b']);
    t = noon + DAY + 3600_000;
    await s.saveNote('day1000000b', 'tuesday again');
    await s.setWatched('day1000000b', true);
    expect(backupNames(dir)).toEqual([dailyName(noon + DAY)]);
    // Later writes that day leave that day's backup as it was.
    expect(readFileSync(join(dir, 'backups', dailyName(noon + DAY))).equals(tuesdayBytes)).toBe(true);

    // Any kind of write triggers it, and 9 days open keep the last 7 dailies.
    for (let day = 2; day < 10; day++) {
      t = noon + day * DAY;
      await s.setWatched(`w${String(day).padStart(10, '0')}`, true);
    }
    expect(backupNames(dir)).toEqual([3, 4, 5, 6, 7, 8, 9].map((d) => dailyName(noon + d * DAY)).sort());
    const newest = JSON.parse(readFileSync(join(dir, 'backups', dailyName(noon + 9 * DAY)), 'utf8'));
    expect(Object.keys(newest.watched)).toHaveLength(8); // day1000000b and days 2..8
  });

  it('makes no daily backup when asked not to', async () => {
    const dir = tempDir();
    const s = await openAt(dir);
    await s.saveNote('aaaaaaaaaaa', 'x');
    await s.close();
    let later = BASE + DAY;
    const t = await openStore({ dataDir: dir, now: () => later, backupsPerDay: false });
    later += DAY;
    await t.saveNote('aaaaaaaaaaa', 'a write on a later day makes none either');
    await t.close();
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('lists backups skipping unreadable ones', async () => {
    const dir = await seeded({ aaaaaaaaaaa: 'x' });
    const t = await openAt(dir, () => BASE + DAY);
    writeFileSync(join(dir, 'backups', 'daily-2000-01-01.json'), '{"truncated');
    writeFileSync(join(dir, 'backups', 'notes.txt'), 'not a backup');
    expect((await t.listBackups()).map((b) => b.name)).toEqual([dailyName(BASE + DAY)]);
  });
});

describe('restore', () => {
  it('replaces the data with a backup after backing up the current data', async () => {
    const dir = await seeded({ aaaaaaaaaaa: 'old note' });
    const s = await openAt(dir, () => BASE + DAY);
    await s.saveNote('aaaaaaaaaaa', 'rewritten');
    await s.saveNote('bbbbbbbbbbb', 'added today');
    await s.setWatched('bbbbbbbbbbb', true);

    await s.restoreBackup(dailyName(BASE + DAY));
    expect(s.data.notes.aaaaaaaaaaa?.text).toBe('old note');
    expect(s.data.notes.bbbbbbbbbbb).toBeUndefined();
    expect(s.data.watched).toEqual({});

    const before = (await s.listBackups()).find((b) => b.reason === 'before-restore');
    expect(before).toMatchObject({ notes: 2, watched: 1 });
    const saved = JSON.parse(readFileSync(join(dir, 'backups', before!.name), 'utf8'));
    expect(saved.notes.aaaaaaaaaaa.text).toBe('rewritten');
    await s.close();
    expect((await openAt(dir, () => BASE + DAY)).data.notes.aaaaaaaaaaa?.text).toBe('old note');
  });

  it('rejects names outside the backups folder and missing backups, changing nothing', async () => {
    const dir = tempDir();
    const s = await openAt(dir);
    await s.saveNote('aaaaaaaaaaa', 'keep me');
    for (const name of ['../lecture-companion.json', '/etc/passwd', 'missing.json', '..', '.hidden.json']) {
      const err = await s.restoreBackup(name).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ApiError);
    }
    expect(s.data.notes.aaaaaaaaaaa?.text).toBe('keep me');
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('restores a v1 backup by migrating it', async () => {
    const dir = tempDir();
    copyFileSync(resolve(import.meta.dirname, '../../fixtures/data-v1.json'), join(dir, DATA_FILE));
    const s = await openAt(dir);
    await s.setWatched('Ye018rCVvOo', false);
    const pre = (await s.listBackups()).find((b) => b.reason === 'pre-migration')!;
    await s.restoreBackup(pre.name);
    expect(Object.keys(s.data.watched).sort()).toEqual(['XnyM3-xtxHs', 'Ye018rCVvOo', 'bHcJCp2Fyxs']);
  });
});

describe('merge', () => {
  const T1 = BASE;
  const T2 = BASE + 3600_000;
  const backup = (over: Record<string, unknown>) =>
    JSON.stringify({
      schemaVersion: 2,
      watched: {},
      notes: {},
      corrections: { moves: {}, titles: {} },
      prefs: { uploadOrder: true, newestFirst: true, lastVideoId: 'zzzzzzzzzzz', lastCourseId: null },
      window: null,
      ...over,
    });

  async function storeWith(notes: Record<string, { text: string; updatedAt: number }>): Promise<Store> {
    const dir = tempDir();
    writeFileSync(
      join(dir, DATA_FILE),
      backup({ notes, prefs: { uploadOrder: false, newestFirst: false, lastVideoId: null, lastCourseId: null } }),
    );
    return openAt(dir);
  }

  it('adds, keeps, updates and marks conflicts, with counts', async () => {
    const s = await storeWith({
      same0000000: { text: 'same', updatedAt: T1 },
      prefix00000: { text: 'Attention is', updatedAt: T1 },
      mineNewer00: { text: 'Attention is all you need', updatedAt: T2 },
      conflictA00: { text: 'my version', updatedAt: T1 },
      conflictB00: { text: 'my newer version', updatedAt: T2 },
    });
    const report = await s.mergeBackup(
      backup({
        notes: {
          onlyTheirs0: { text: 'from the other laptop', updatedAt: T1 },
          same0000000: { text: 'same', updatedAt: T2 },
          prefix00000: { text: 'Attention is all you need', updatedAt: T2 },
          mineNewer00: { text: 'Attention is', updatedAt: T1 },
          conflictA00: { text: 'their newer version', updatedAt: T2 },
          conflictB00: { text: 'their version', updatedAt: T1 },
          blank000000: { text: '   ', updatedAt: T2 },
        },
      }),
    );
    expect(report).toEqual({ added: 1, updated: 1, deleted: 0, conflicts: 2, watched: 0 });
    const n = s.data.notes;
    expect(n.onlyTheirs0).toEqual({ text: 'from the other laptop', updatedAt: T1 });
    expect(n.same0000000).toEqual({ text: 'same', updatedAt: T1 });
    expect(n.prefix00000).toEqual({ text: 'Attention is all you need', updatedAt: T2 });
    expect(n.mineNewer00).toEqual({ text: 'Attention is all you need', updatedAt: T2 });
    expect(n.blank000000).toBeUndefined();
    // Both texts kept, the newer first, the older under a marker naming its origin and time.
    expect(n.conflictA00?.text).toBe(conflictText('their newer version', { text: 'my version', updatedAt: T1 }, 'current'));
    expect(n.conflictA00?.text).toMatch(
      /^their newer version\n\n---\n<!-- kept from this computer \(edited \d{4}-\d\d-\d\d \d\d:\d\d\) -->\nmy version$/,
    );
    expect(n.conflictB00?.text).toMatch(
      /^my newer version\n\n---\n<!-- merged from backup \(edited \d{4}-\d\d-\d\d \d\d:\d\d\) -->\ntheir version$/,
    );
    expect(n.conflictB00?.updatedAt).toBe(T2);

    // On disk, and a before-merge backup holds the data as it was.
    expect(JSON.parse(readFileSync(s.file, 'utf8')).notes.conflictA00.text).toBe(n.conflictA00?.text);
    const before = (await s.listBackups()).find((b) => b.reason === 'before-merge');
    expect(before?.notes).toBe(5);
  });

  it('is idempotent: merging the same backup again changes nothing', async () => {
    const s = await storeWith({ conflictA00: { text: 'mine', updatedAt: T1 }, conflictB00: { text: 'mine too', updatedAt: T2 } });
    const other = backup({ notes: { conflictA00: { text: 'theirs', updatedAt: T2 }, conflictB00: { text: 'theirs too', updatedAt: T1 } } });
    expect((await s.mergeBackup(other)).conflicts).toBe(2);
    const after = JSON.stringify(s.data);
    expect(await s.mergeBackup(other)).toEqual({ added: 0, updated: 0, deleted: 0, conflicts: 0, watched: 0 });
    expect(JSON.stringify(s.data)).toBe(after);
  });

  it('unions watched marks with the earliest time and corrections with ours winning; prefs stay', async () => {
    const dir = tempDir();
    const s = await openAt(dir, () => T2);
    await s.setWatched('aaaaaaaaaaa', true);
    await s.setWatched('bbbbbbbbbbb', true);
    await s.setCorrections({ moves: { aaaaaaaaaaa: 'mine' }, titles: { mine: 'My course' } });
    const report = await s.mergeBackup(
      backup({
        watched: { aaaaaaaaaaa: T1, ccccccccccc: T1 },
        corrections: { moves: { aaaaaaaaaaa: 'theirs', ddddddddddd: 'theirs' }, titles: { mine: 'Their name', theirs: 'Their course' } },
      }),
    );
    expect(report).toEqual({ added: 0, updated: 0, deleted: 0, conflicts: 0, watched: 1 });
    const at = (m: Record<string, { at: number }>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.at]));
    expect(at(s.data.watched)).toEqual({ aaaaaaaaaaa: T1, bbbbbbbbbbb: T2, ccccccccccc: T1 });
    expect(s.data.corrections).toEqual({
      moves: { aaaaaaaaaaa: 'mine', ddddddddddd: 'theirs' },
      titles: { mine: 'My course', theirs: 'Their course' },
    });
    expect(s.data.prefs.uploadOrder).toBe(false);
  });

  it('accepts an exported backup and a v1 backup', async () => {
    const a = await openAt(tempDir());
    await a.saveNote('aaaaaaaaaaa', 'exported note');
    const exported = a.exportBackup();
    expect(JSON.parse(exported)).toMatchObject({ schemaVersion: SCHEMA_VERSION, exportedAt: expect.any(String) });
    const b = await openAt(tempDir());
    expect(await b.mergeBackup(exported)).toMatchObject({ added: 1 });
    expect(b.data.notes.aaaaaaaaaaa?.text).toBe('exported note');
    const v1 = readFileSync(resolve(import.meta.dirname, '../../fixtures/data-v1.json'), 'utf8');
    expect(await b.mergeBackup(v1)).toMatchObject({ watched: 3 });
  });

  it.each([
    ['not JSON', 'hello'],
    ['an array', '[]'],
    ['null', 'null'],
    ['another app', '{"theme":"dark"}'],
    ['a newer version', JSON.stringify({ schemaVersion: 9, notes: {} })],
    ['a wrong shape', '{"schemaVersion":2,"notes":[]}'],
  ])('rejects %s with ApiError(invalid) and changes nothing', async (_n, json) => {
    const s = await storeWith({ aaaaaaaaaaa: { text: 'mine', updatedAt: T1 } });
    const bytes = readFileSync(s.file);
    const err = await s.mergeBackup(json).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('invalid');
    expect(readFileSync(s.file).equals(bytes)).toBe(true);
    expect(s.data.notes).toEqual({ aaaaaaaaaaa: { text: 'mine', updatedAt: T1 } });
  });
});

describe('single-instance lock', () => {
  it('refuses a second open of the same folder until the first closes', async () => {
    const dir = tempDir();
    const first = await openAt(dir);
    await expect(openStore({ dataDir: dir })).rejects.toThrow(
      `Lecture Companion is already running with this data folder (pid ${process.pid})`,
    );
    await first.close();
    expect(existsSync(join(dir, '.lock'))).toBe(false);
    const second = await openAt(dir);
    expect(second.status.state).toBe('ok');
  });

  it('takes over a stale lock left by a dead process', async () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', '']).pid; // exited and reaped
    writeFileSync(join(dir, '.lock'), String(dead));
    const s = await openAt(dir);
    expect(readFileSync(join(dir, '.lock'), 'utf8')).toBe(lockContent(process.pid));
    await s.close();
  });

  it('takes over an empty lock at once (locks are created whole, so nobody is mid-start)', async () => {
    const dir = tempDir();
    const lock = join(dir, '.lock');
    writeFileSync(lock, '');
    const l = await acquireLock(dir);
    expect(readFileSync(lock, 'utf8')).toBe(lockContent(process.pid));
    // no temp file is left behind next to the lock
    expect(readdirSync(dir).filter((f) => f.includes('.lock'))).toEqual(['.lock']);
    await l.release();
    await l.release();
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock carrying our own pid that this process does not hold (pid reuse)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.lock'), String(process.pid));
    const l = await acquireLock(dir);
    await expect(acquireLock(dir)).rejects.toThrow(/already running/);
    await l.release();
  });

  it('takes over a lock whose pid now names another process (its start time differs)', async (ctx) => {
    if (processStart(process.pid) === null) return ctx.skip('no /proc here: the lock then knows only the pid');
    const dir = tempDir();
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      await waitFor(() => processStart(other.pid!) !== null);
      // The same live pid, started at another time: the process that wrote the lock is gone.
      writeFileSync(join(dir, '.lock'), `${other.pid} ${Number(processStart(other.pid!)) + 1}`);
      const l = await acquireLock(dir);
      expect(readFileSync(join(dir, '.lock'), 'utf8')).toBe(lockContent(process.pid));
      await l.release();
      // Its real start time: it is the holder, and it is running.
      writeFileSync(join(dir, '.lock'), lockContent(other.pid!));
      await expect(acquireLock(dir)).rejects.toThrow(/already running/);
    } finally {
      other.kill('SIGKILL');
    }
  });
});

async function waitFor(ok: () => boolean): Promise<void> {
  while (!ok()) await new Promise((r) => setTimeout(r, 10));
}
