// Watched marks carry clocks (loss path 3 of the data-safety issue): merging a backup
// keeps the newer of watch and unwatch instead of the union of marks.
import { describe, expect, it } from 'vitest';
import { useStores } from '../helpers/store';

const { tempDir, openAt } = useStores('lc-watched-');
const A = 'aaaaaaaaaaa';
const B = 'bbbbbbbbbbb';

describe('merging watched marks', () => {
  it('an older backup does not undo "unwatched"', async () => {
    let t = 1_000;
    const s = await openAt(tempDir(), () => t++);
    await s.setWatched(A, true);
    await s.setWatched(B, true);
    const older = s.exportBackup();
    await s.setWatched(A, false);
    // Today the marks merged as a union: A came back as watched.
    expect(await s.mergeBackup(older)).toMatchObject({ watched: 0 });
    expect(Object.keys(s.data.watched)).toEqual([B]);
    expect(Object.keys(s.data.unwatched)).toEqual([A]);
  });

  it('a later unwatch on another computer is taken, a later watch too, and merging again is no news', async () => {
    let t = 1_000;
    const here = await openAt(tempDir(), () => t++);
    const there = await openAt(tempDir(), () => t++);
    await here.setWatched(A, true);
    await there.mergeBackup(here.exportBackup());
    expect(Object.keys(there.data.watched)).toEqual([A]);
    await there.setWatched(A, false); // seen the mark, then removed it
    await there.setWatched(B, true);
    const report = await here.mergeBackup(there.exportBackup());
    expect(report.watched).toBe(1); // B
    expect(Object.keys(here.data.watched)).toEqual([B]);
    expect(Object.keys(here.data.unwatched)).toEqual([A]);
    expect(await here.mergeBackup(there.exportBackup())).toMatchObject({ watched: 0 });
    // Watched again here after the unwatch: newer than it, so it wins over there.
    await here.setWatched(A, true);
    await there.mergeBackup(here.exportBackup());
    expect(Object.keys(there.data.watched).sort()).toEqual([A, B]);
  });

  it('concurrent watch and unwatch: the later one wins', async () => {
    let t = 1_000;
    const here = await openAt(tempDir(), () => t);
    const there = await openAt(tempDir(), () => t);
    await here.setWatched(A, true);
    await there.mergeBackup(here.exportBackup());
    t = 2_000;
    await here.setWatched(A, false);
    t = 3_000;
    await there.setWatched(A, false);
    await there.setWatched(A, true); // later than the unwatch here
    await here.mergeBackup(there.exportBackup());
    expect(Object.keys(here.data.watched)).toEqual([A]);
  });
});
