// The player's rules (auto-mark, resume offer, speed steps) as plain functions, and the
// service applying them on a real store: marked at the share, never again after an unwatch.
import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { Service } from '../../../electron/main/service';
import { autoMarkDue, resumeOffer, stepRate } from '../../../electron/shared/playback';
import { decodeLibrary, parseArgs } from '../../../electron/shared/contract';
import { openService, tempDir } from '../helpers/service';

describe('autoMarkDue', () => {
  const base = { position: 900, duration: 1000, share: 0.9, watched: false, unwatchedByStudent: false };
  it('marks at the share and not before', () => {
    expect(autoMarkDue(base)).toBe(true);
    expect(autoMarkDue({ ...base, position: 899 })).toBe(false);
    expect(autoMarkDue({ ...base, share: 0.5, position: 500 })).toBe(true);
  });
  it('never when off, already marked, unwatched by the student, or of unknown length', () => {
    expect(autoMarkDue({ ...base, share: null })).toBe(false);
    expect(autoMarkDue({ ...base, watched: true })).toBe(false);
    expect(autoMarkDue({ ...base, unwatchedByStudent: true })).toBe(false);
    expect(autoMarkDue({ ...base, duration: 0, position: 10 })).toBe(false);
  });
});

describe('resumeOffer and stepRate', () => {
  it('offers a position worth resuming only', () => {
    expect(resumeOffer(null)).toBeNull();
    expect(resumeOffer({ position: 3, duration: 1000 })).toBeNull();
    expect(resumeOffer({ position: 754.6, duration: 3000 })).toBe(754);
    expect(resumeOffer({ position: 995, duration: 1000 })).toBeNull();
    expect(resumeOffer({ position: 754, duration: 0 })).toBe(754);
  });
  it('steps through YouTube speeds and stops at the ends', () => {
    expect(stepRate(1, 1)).toBe(1.25);
    expect(stepRate(1, -1)).toBe(0.75);
    expect(stepRate(2, 1)).toBe(2);
    expect(stepRate(0.25, -1)).toBe(0.25);
    expect(stepRate(1.1, 1)).toBe(1.25);
    expect(stepRate(1.1, -1)).toBe(1);
  });
});

describe('savePlayback in the service', () => {
  const dirs: string[] = [];
  const open: Service[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const start = async () => {
    const dir = tempDir();
    dirs.push(dir);
    const { service } = await openService(dir);
    open.push(service);
    return { service, dir };
  };

  it('marks watched at 90% by default, and an unwatch by the student sticks', async () => {
    const { service } = await start();
    const id = decodeLibrary(await service.getLibrary()).lectures[0]!.videoId;
    expect((await service.savePlayback({ videoId: id, position: 800, duration: 1000, played: 5 })).watched).toBe(false);
    expect((await service.savePlayback({ videoId: id, position: 900, duration: 1000, played: 5 })).watched).toBe(true);
    await service.setWatched({ videoId: id, watched: false });
    expect((await service.savePlayback({ videoId: id, position: 990, duration: 1000, played: 5 })).watched).toBe(false);
    expect((await service.getLecture({ videoId: id })).playback).toEqual({ position: 990, duration: 1000 });
    // The history for the statistics: the seconds played today, under this lecture.
    const history = await service.getWatchHistory();
    expect(Object.values(history)).toEqual([{ [id]: 15 }]);
  });

  it('follows the share in the prefs, and never marks when it is off', async () => {
    const { service } = await start();
    const [a, b] = decodeLibrary(await service.getLibrary()).lectures;
    await service.setPrefs({ autoMarkShare: 0.5 });
    expect((await service.savePlayback({ videoId: a!.videoId, position: 500, duration: 1000 })).watched).toBe(true);
    await service.setPrefs({ autoMarkShare: null });
    expect((await service.savePlayback({ videoId: b!.videoId, position: 1000, duration: 1000 })).watched).toBe(false);
  });

  it('refuses reports outside the contract', () => {
    expect(() => parseArgs('savePlayback', { videoId: 'aaaaaaaaaaa', position: -1, duration: 10 })).toThrow(/position/);
    expect(() => parseArgs('savePlayback', { videoId: 'aaaaaaaaaaa', position: 1, duration: 10, played: 1e9 })).toThrow(/played/);
    expect(() => parseArgs('setPrefs', { autoMarkShare: 1.5 })).toThrow(/autoMarkShare/);
    expect(() => parseArgs('setPrefs', { playbackRate: 16 })).toThrow(/playbackRate/);
  });
});
