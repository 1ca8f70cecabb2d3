// Starting in bad conditions: backups taken before a corruption outlive later dailies,
// and a full disk at start opens the data read-only with a message instead of failing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillingDisk, tinyDisk, useStores } from '../helpers/store';
import { ApiError } from '../../../electron/shared/contract';
import { DAILY_KEEP } from '../../../electron/main/store/backups';
import { nth } from '../helpers/nth';
import { DATA_FILE, DISK_FULL_AT_START, openStore } from '../../../electron/main/store/store';

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 10, 12);
const { seeded, openAt } = useStores('lc-start-');

describe('after a corruption', () => {
  it('the daily backups taken before it are never pruned by the dailies after it', async () => {
    const dir = await seeded({ aaaaaaaaaaa: 'the good notes' }, () => BASE);
    await (await openAt(dir, () => BASE + DAY)).close(); // today's daily holds the good notes
    writeFileSync(join(dir, DATA_FILE), '{"schemaVersion":3,"notes":{"aaa');
    const r = await openAt(dir, () => BASE + DAY + 1000);
    expect(r.status.state).toBe('recovered');
    await r.close();
    // The student carries on without restoring, for longer than the daily rotation keeps.
    for (let d = 2; d < DAILY_KEEP + 4; d++) {
      const day = await openAt(dir, () => BASE + d * DAY);
      await day.saveNote('bbbbbbbbbbb', `day ${d}`);
      await day.close();
    }
    const last = await openAt(dir, () => BASE + 20 * DAY);
    const good = (await last.listBackups()).filter((b) => b.reason === 'before-corruption');
    expect(good.length).toBeGreaterThan(0);
    expect(good.some((b) => b.notes === 1)).toBe(true);
    await last.restoreBackup(nth(good, 0).name);
    expect(last.data.notes.aaaaaaaaaaa?.text).toBe('the good notes');
  });
});

describe('a full disk at start', () => {
  it('opens the data read-only with a message, instead of refusing to start (injected ENOSPC)', async () => {
    const dir = await seeded({ aaaaaaaaaaa: 'readable' }, () => BASE);
    const disk = fillingDisk();
    disk.state.full = true;
    const full = await openAt(dir, () => BASE + DAY, disk.fs);
    expect(full.status).toEqual({
      state: 'readonly',
      message: DISK_FULL_AT_START,
      quarantinePath: null,
      words: { key: 'diskFullAtStart' },
    });
    expect(full.data.notes.aaaaaaaaaaa?.text).toBe('readable');
    const err = await full.saveNote('aaaaaaaaaaa', 'x').then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('readonly');
    expect((err as ApiError).message).toMatch(/^disk full/);
    await full.close();
    // Space again: a normal start.
    const again = await openAt(dir, () => BASE + DAY);
    expect(again.status.state).toBe('ok');
  });

  it('on a real full 1 MB tmpfs', async (ctx) => {
    const dir = tinyDisk('1m');
    if (!dir)
      return ctx.skip('a tmpfs can only be mounted as root with mount permitted, not here; the injected ENOSPC test above covers this');
    const s = await openStore({ dataDir: dir, now: () => BASE });
    await s.saveNote('aaaaaaaaaaa', 'readable');
    await s.close();
    // Fill the disk to the last byte.
    let n = 0;
    for (let size = 1 << 19; size >= 1;) {
      try {
        writeFileSync(join(dir, `filler-${n++}`), Buffer.alloc(size));
      } catch {
        size >>= 1;
      }
    }
    const full = await openStore({ dataDir: dir, now: () => BASE + DAY });
    expect(full.status.state).toBe('readonly');
    expect(full.status.message).toBe(DISK_FULL_AT_START);
    expect(full.data.notes.aaaaaaaaaaa?.text).toBe('readable');
    expect(JSON.parse(readFileSync(join(dir, DATA_FILE), 'utf8')).notes.aaaaaaaaaaa.text).toBe('readable');
    await full.close();
  });
});
