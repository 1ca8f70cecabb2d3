// A v3 backup written by an older version may carry `"home": null` (the data folder it came
// from was not known yet). Null means "not set": the backup imports, restores, is listed,
// and opens as the data file, on real files in a temp folder.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useStores } from '../helpers/store';
import { DATA_FILE } from '../../../electron/main/store/store';

const BASE = Date.UTC(2025, 4, 1, 10, 0, 0);
const { tempDir, openAt } = useStores('lc-v3home-', () => BASE);

/** A v3 backup as an older version wrote it: home null, marks with clocks, no player fields. */
const v3Backup = JSON.stringify(
  {
    schemaVersion: 3,
    exportedAt: '2025-03-01T10:00:00.000Z',
    deviceId: 'olddevice01',
    deviceSeq: 2,
    home: null,
    watched: { aaaaaaaaaaa: { at: BASE - 86_400_000, clock: { olddevice01: 1 } } },
    unwatched: {},
    notes: { bbbbbbbbbbb: { text: 'my own note', updatedAt: BASE - 86_400_000, clock: { olddevice01: 2 } } },
    deletedNotes: {},
    corrections: { moves: {}, titles: {} },
    prefs: { uploadOrder: false, newestFirst: true, lastVideoId: 'bbbbbbbbbbb', lastCourseId: null, theme: 'dark' },
    window: null,
  },
  null,
  2,
);

describe('a v3 backup with "home": null', () => {
  it('imports, with its note and mark', async () => {
    const dir = tempDir();
    const file = join(tempDir(), 'lecture-companion-backup.json');
    writeFileSync(file, v3Backup);
    const s = await openAt(dir);
    const report = await s.mergeBackup(readFileSync(file, 'utf8'));
    expect(report).toMatchObject({ added: 1, watched: 1 });
    expect(s.data.notes.bbbbbbbbbbb?.text).toBe('my own note');
    expect(Object.keys(s.data.watched)).toEqual(['aaaaaaaaaaa']);
  });

  it('is listed and restores; the folder keeps its own home, and a restart reads it back', async () => {
    const dir = tempDir();
    const s = await openAt(dir);
    await s.saveNote('ccccccccccc', 'written here');
    const home = s.data.home;
    expect(home).not.toBeNull();
    mkdirSync(join(dir, 'backups'), { recursive: true });
    writeFileSync(join(dir, 'backups', 'daily-2025-03-01.json'), v3Backup);

    expect((await s.listBackups()).find((b) => b.name === 'daily-2025-03-01.json')).toMatchObject({ notes: 1, watched: 1 });
    await s.restoreBackup('daily-2025-03-01.json');
    expect(s.data.notes.bbbbbbbbbbb?.text).toBe('my own note');
    expect(s.data.notes.ccccccccccc).toBeUndefined();
    expect(s.data.prefs).toMatchObject({ newestFirst: true, theme: 'dark' });
    expect(s.data.home).toBe(home);
    await s.close();
    const again = await openAt(dir);
    expect(again.data.notes.bbbbbbbbbbb?.text).toBe('my own note');
    expect(again.status.state).toBe('ok');
  });

  it('opens as the data file itself, with home learned for this folder', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, DATA_FILE), v3Backup);
    const s = await openAt(dir);
    expect(s.status.state).toBe('ok');
    expect(s.data.notes.bbbbbbbbbbb?.text).toBe('my own note');
    expect(s.data.home).toEqual(expect.any(String));
  });
});
