// Starting from a bad, newer or older data file: nothing the student wrote is lost.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onDiskJson, useStores } from '../helpers/store';
import { ApiError } from '../../../electron/shared/contract';
import { fileStamp } from '../../../electron/main/store/backups';
import { DATA_FILE, openStore } from '../../../electron/main/store/store';
import { nth } from '../helpers/nth';
import { SCHEMA_VERSION } from '../../../electron/main/store/schema';
import { DEFAULT_PREFS } from '../../../electron/shared/prefs';

const FIXTURE_V1 = resolve(import.meta.dirname, '../../fixtures/data-v1.json');
const NOW = Date.UTC(2025, 2, 14, 9, 30, 0);

const { tempDir, openAt } = useStores('lc-recovery-', () => NOW);

const CORRUPT: [string, Buffer][] = [
  ['empty', Buffer.alloc(0)],
  ['whitespace', Buffer.from('  \n\t \n')],
  ['truncated JSON', Buffer.from('{"schemaVersion":2,"watched":{"aaaaaaaaaaa":17000000')],
  ['null', Buffer.from('null')],
  ['[]', Buffer.from('[]')],
  ['a number', Buffer.from('42\n')],
  ["another app's JSON", Buffer.from('{"theme":"dark","recentFiles":["/home/me/a.txt"]}')],
  ['version 2 with the wrong shape', Buffer.from('{"schemaVersion":2,"watched":[],"notes":"none"}')],
  ['not UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
];

describe('a corrupt or foreign data file', () => {
  it.each(CORRUPT)('%s: quarantined byte for byte, defaults on disk, status recovered', async (_name, bytes) => {
    const dir = tempDir();
    const file = join(dir, DATA_FILE);
    writeFileSync(file, bytes);
    const s = await openAt(dir);

    const q = join(dir, `lecture-companion.corrupt-${fileStamp(NOW)}.json`);
    expect(s.status.state).toBe('recovered');
    expect(s.status.quarantinePath).toBe(q);
    expect(readFileSync(q).equals(bytes)).toBe(true);
    expect(s.status.message).toContain(q);
    expect(s.status.message).toMatch(/backup/i);
    expect(s.data.notes).toEqual({});
    // The original path now holds a good file, so the next start is normal.
    expect(JSON.parse(readFileSync(file, 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
    await s.close();
    const again = await openAt(dir);
    expect(again.status.state).toBe('ok');
  });

  it('names the newest good backup in the message, and restoring it gives the notes back', async () => {
    const dir = tempDir();
    const day1 = await openAt(dir, () => NOW - 86_400_000);
    await day1.saveNote('aaaaaaaaaaa', 'my lecture notes');
    await day1.close();
    const s2 = await openAt(dir, () => NOW); // makes today's daily backup of the good file
    await s2.close();
    writeFileSync(join(dir, DATA_FILE), '{"schemaVersion":2,"notes":{"aaaaaaaaaaa":{"te');

    const s = await openAt(dir, () => NOW + 60_000);
    expect(s.status.state).toBe('recovered');
    const newest = nth(await s.listBackups(), 0);
    expect(newest.notes).toBe(1);
    expect(s.status.message).toContain(newest.name);
    await s.restoreBackup(newest.name);
    expect(s.status).toEqual({ state: 'ok', message: null, quarantinePath: null });
    expect(s.data.notes.aaaaaaaaaaa?.text).toBe('my lecture notes');
    expect(JSON.parse(readFileSync(join(dir, DATA_FILE), 'utf8')).notes.aaaaaaaaaaa.text).toBe('my lecture notes');
  });

  it('never overwrites an earlier quarantine file with the same name', async () => {
    const dir = tempDir();
    const earlier = join(dir, `lecture-companion.corrupt-${fileStamp(NOW)}.json`);
    writeFileSync(earlier, 'an earlier unreadable file');
    writeFileSync(join(dir, DATA_FILE), '{oops');
    const s = await openAt(dir);
    expect(readFileSync(earlier, 'utf8')).toBe('an earlier unreadable file');
    expect(s.status.quarantinePath).toBe(join(dir, `lecture-companion.corrupt-${fileStamp(NOW)}-2.json`));
    expect(readFileSync(s.status.quarantinePath!, 'utf8')).toBe('{oops');
  });

  it('leaves the original untouched (no defaults written) when it cannot be quarantined', async () => {
    const dir = tempDir();
    const base = join(dir, `lecture-companion.corrupt-${fileStamp(NOW)}`);
    // Every name the quarantine may use is taken, so the copy cannot be made.
    writeFileSync(`${base}.json`, 'x');
    for (let i = 2; i < 1000; i++) writeFileSync(`${base}-${i}.json`, 'x');
    writeFileSync(join(dir, DATA_FILE), '[1,2');
    await expect(openStore({ dataDir: dir, now: () => NOW })).rejects.toThrow(/quarantine/);
    expect(readFileSync(join(dir, DATA_FILE), 'utf8')).toBe('[1,2');
    expect(existsSync(join(dir, '.lock'))).toBe(false); // a failed open releases the folder
  });

  it('refuses to read a data file that is not a file, without touching it', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, DATA_FILE));
    await expect(openStore({ dataDir: dir })).rejects.toThrow();
    expect(readdirSync(dir).filter((n) => n.includes('corrupt'))).toEqual([]);
  });
});

describe('a data file from a newer version', () => {
  const NEWER = JSON.stringify({
    schemaVersion: SCHEMA_VERSION + 1,
    watched: { aaaaaaaaaaa: 1_700_000_000_000, bbbbbbbbbbb: 'soon' },
    notes: { aaaaaaaaaaa: { text: 'kept', updatedAt: 1_700_000_000_000, tags: ['x'] }, bbbbbbbbbbb: { body: 'new format' } },
    corrections: { moves: {}, titles: { c1: 'Mine' } },
    prefs: { uploadOrder: true, theme: 'dark' },
    window: null,
    sync: { enabled: true },
  });

  it('opens read-only with what parses, refuses every change, and never writes', async () => {
    const dir = tempDir();
    const file = join(dir, DATA_FILE);
    writeFileSync(file, NEWER);
    const past = new Date('2024-01-01T00:00:00Z');
    utimesSync(file, past, past);
    const before = statSync(file).mtimeMs;

    const s = await openAt(dir);
    expect(s.status.state).toBe('readonly');
    expect(s.status.message).toMatch(/newer version/);
    // The page words it by key in the UI's language (wire.ts ERROR_MESSAGES).
    expect(s.status.words).toMatchObject({ key: 'readonlyNewerVersion', params: { version: expect.any(Number) } });
    expect(s.data.notes.aaaaaaaaaaa?.text).toBe('kept');
    expect(s.data.notes.bbbbbbbbbbb).toBeUndefined();
    expect(s.data.watched).toEqual({ aaaaaaaaaaa: { at: 1_700_000_000_000 } });
    expect(s.data.prefs.uploadOrder).toBe(true);
    expect(s.data.corrections.titles).toEqual({ c1: 'Mine' });

    const attempts: (() => Promise<unknown>)[] = [
      () => s.setWatched('aaaaaaaaaaa', false),
      () => s.saveNote('aaaaaaaaaaa', 'changed'),
      () => s.setCorrections({ moves: {}, titles: {} }),
      () => s.setPrefs({ newestFirst: true }),
      () => s.setWindow(null),
      () => s.mergeBackup(s.exportBackup()),
      () => s.restoreBackup('daily-2025-01-01.json'),
    ];
    for (const attempt of attempts) {
      const err = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe('readonly');
    }
    expect(JSON.parse(s.exportBackup()).notes.aaaaaaaaaaa.text).toBe('kept'); // reading still works
    await s.close();

    expect(readFileSync(file, 'utf8')).toBe(NEWER);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(readdirSync(dir).sort()).toEqual([DATA_FILE]); // no backups, no temp file, lock released
  });
});

describe('migration from version 1', () => {
  it('migrates the v1 fixture forward after backing up the original bytes', async () => {
    const dir = tempDir();
    const file = join(dir, DATA_FILE);
    copyFileSync(FIXTURE_V1, file);
    const original = readFileSync(FIXTURE_V1);

    const s = await openAt(dir);
    expect(s.status.state).toBe('ok');
    expect(s.data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(s.data.watched).toEqual({ Ye018rCVvOo: { at: NOW }, bHcJCp2Fyxs: { at: NOW }, 'XnyM3-xtxHs': { at: NOW } });
    expect(s.data.prefs).toEqual({ ...DEFAULT_PREFS, lastVideoId: 'bHcJCp2Fyxs' });
    expect(s.data.window).toEqual({ x: 120, y: 80, width: 1280, height: 800, maximized: false });
    expect(s.data.notes).toEqual({});
    expect(s.data.corrections).toEqual({ moves: {}, titles: {} });

    const pre = join(dir, 'backups', `pre-migration-v1-${fileStamp(NOW)}.json`);
    expect(readFileSync(pre).equals(original)).toBe(true);
    const onDisk = JSON.parse(readFileSync(file, 'utf8'));
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
    expect(onDisk.watched.Ye018rCVvOo).toEqual({ at: NOW });

    const listed = await s.listBackups();
    const info = listed.find((b) => b.name === `pre-migration-v1-${fileStamp(NOW)}.json`);
    expect(info).toMatchObject({ reason: 'pre-migration', watched: 3, notes: 0, createdAt: NOW });
    await s.close();

    // A second start finds the current version: no second migration or pre-migration backup.
    const again = await openAt(dir, () => NOW + 1000);
    expect(again.data.watched.Ye018rCVvOo).toEqual({ at: NOW });
    expect(readdirSync(join(dir, 'backups')).filter((n) => n.startsWith('pre-migration'))).toHaveLength(1);
  });
});

describe('migration from version 2', () => {
  it('gives watched marks their own records (time kept, no clock yet), after backing up the original bytes', async () => {
    const dir = tempDir();
    const file = join(dir, DATA_FILE);
    const v2 = JSON.stringify({
      schemaVersion: 2,
      deviceId: 'dev-A',
      deviceSeq: 3,
      watched: { Ye018rCVvOo: 1_700_000_000_000 },
      notes: { aaaaaaaaaaa: { text: 'kept', updatedAt: 1_700_000_000_000, clock: { 'dev-A': 3 } } },
      deletedNotes: {},
      corrections: { moves: {}, titles: {} },
      prefs: { uploadOrder: false, newestFirst: false, lastVideoId: null, lastCourseId: null },
      window: null,
    });
    writeFileSync(file, v2);
    const s = await openAt(dir);
    expect(s.status.state).toBe('ok');
    expect(s.data.watched).toEqual({ Ye018rCVvOo: { at: 1_700_000_000_000 } });
    expect(s.data.unwatched).toEqual({});
    expect(s.data.notes.aaaaaaaaaaa?.text).toBe('kept');
    expect(readFileSync(join(dir, 'backups', `pre-migration-v2-${fileStamp(NOW)}.json`), 'utf8')).toBe(v2);
    const onDisk = JSON.parse(readFileSync(file, 'utf8'));
    expect(onDisk).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      deviceId: 'dev-A',
      watched: { Ye018rCVvOo: { at: 1_700_000_000_000 } },
      unwatched: {},
    });
    // Unwatching now gives the mark a clock that continues this device's sequence.
    await s.setWatched('Ye018rCVvOo', false);
    expect(onDiskJson(dir).unwatched).toEqual({ Ye018rCVvOo: { at: NOW, clock: { 'dev-A': 4 } } });
  });
});
