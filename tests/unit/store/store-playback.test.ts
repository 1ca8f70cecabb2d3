// The player's data in the real store on real temp files: resume positions and the daily
// history survive a reopen, merge by the newer position and the larger count, and a
// refused write is undone.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../../electron/shared/dates';
import { useStores, fillingDisk } from '../helpers/store';

const { tempDir, openAt } = useStores('lc-playback-');
const A = 'aaaaaaaaaaa';
const B = 'bbbbbbbbbbb';
const NOON = new Date(2026, 11, 2, 12, 0, 0).getTime();
const DAY = localDay(NOON);

describe('player positions and history', () => {
  it('keeps the position and the seconds played per day across a reopen, in the file', async () => {
    const dir = tempDir();
    let t = NOON;
    const s = await openAt(dir, () => t);
    await s.savePlayback(A, 100, 3000, 5);
    t += 5_000;
    await s.savePlayback(A, 105.5, 3000, 5.5);
    await s.savePlayback(B, 10, 600, 0);
    await s.close();
    const onDisk = JSON.parse(readFileSync(s.file, 'utf8'));
    expect(onDisk.playback[A]).toEqual({ position: 105.5, duration: 3000, at: NOON + 5_000 });
    expect(onDisk.watchTime).toEqual({ [DAY]: { [A]: 10.5 } });

    const again = await openAt(dir, () => t);
    expect(again.data.playback[A]).toEqual({ position: 105.5, duration: 3000, at: NOON + 5_000 });
    expect(again.data.playback[B]?.position).toBe(10);
    expect(again.data.watchTime[DAY]?.[A]).toBe(10.5);
  });

  it('counts a new local day apart', async () => {
    let t = NOON;
    const s = await openAt(tempDir(), () => t);
    await s.savePlayback(A, 50, 3000, 50);
    t += 24 * 3600_000;
    await s.savePlayback(A, 80, 3000, 30);
    expect(s.data.watchTime).toEqual({ [DAY]: { [A]: 50 }, [localDay(t)]: { [A]: 30 } });
  });

  it('merges positions by the newer report and history by the larger count, and a second merge is no news', async () => {
    let t = NOON;
    const here = await openAt(tempDir(), () => t);
    const there = await openAt(tempDir(), () => t);
    await here.savePlayback(A, 100, 3000, 100);
    t += 1000;
    await there.savePlayback(A, 900, 3000, 300);
    await there.savePlayback(B, 20, 600, 20);
    t += 1000;
    await here.savePlayback(B, 5, 600, 5); // newer here: stays
    await here.mergeBackup(there.exportBackup());
    expect(here.data.playback[A]?.position).toBe(900);
    expect(here.data.playback[B]?.position).toBe(5);
    expect(here.data.watchTime[DAY]).toEqual({ [A]: 300, [B]: 20 });
    const before = JSON.stringify(here.data.watchTime);
    await here.mergeBackup(there.exportBackup());
    await here.mergeBackup(here.exportBackup());
    expect(JSON.stringify(here.data.watchTime)).toBe(before);
  });

  it('loads a v3 file from before the player, with the default speed and auto-mark share', async () => {
    const dir = tempDir();
    const s = await openAt(dir);
    await s.setPrefs({ newestFirst: true });
    await s.close();
    const file = JSON.parse(readFileSync(s.file, 'utf8'));
    delete file.playback;
    delete file.watchTime;
    delete file.prefs.playbackRate;
    delete file.prefs.autoMarkShare;
    writeFileSync(s.file, JSON.stringify(file));
    const again = await openAt(dir);
    expect(again.data.prefs).toMatchObject({ newestFirst: true, playbackRate: 1, autoMarkShare: 0.9 });
    expect(again.data.playback).toEqual({});
    expect(await again.setPrefs({ playbackRate: 1.5, autoMarkShare: null })).toMatchObject({ playbackRate: 1.5, autoMarkShare: null });
  });

  it('undoes a report the disk refused', async () => {
    const disk = fillingDisk();
    let t = NOON;
    const s = await openAt(tempDir(), () => t, disk.fs);
    await s.savePlayback(A, 10, 3000, 10);
    disk.state.full = true;
    t += 1000;
    await expect(s.savePlayback(A, 20, 3000, 10)).rejects.toThrow(/disk full/);
    expect(s.data.playback[A]?.position).toBe(10);
    expect(s.data.watchTime[DAY]?.[A]).toBe(10);
  });
});
