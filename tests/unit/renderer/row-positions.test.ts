// Where a video id sits in the playlist's rows: the identity in plain upload order (nothing
// built), a typed array for a course or a filtered list.
import { describe, expect, it } from 'vitest';
import { RowPositions } from '../../../renderer/src/lib/state/row-positions';

const ids = ['a', 'b', 'c', 'd', 'e'];
const lookup = { size: ids.length, rowOf: (id: string) => (ids.includes(id) ? ids.indexOf(id) : undefined) };

describe('RowPositions', () => {
  it('in upload order, a lecture sits at its column row', () => {
    const p = new RowPositions(ids, lookup, true);
    expect(ids.map((id) => p.get(id))).toEqual([0, 1, 2, 3, 4]);
    expect(p.has('zz')).toBe(false);
  });

  it('for a course, positions follow the course order and leave out the rest', () => {
    const p = new RowPositions(['d', 'a', 'c'], lookup, false);
    expect(['d', 'a', 'c'].map((id) => p.get(id))).toEqual([0, 1, 2]);
    expect(p.get('b')).toBeUndefined();
    expect(p.has('e')).toBe(false);
    expect(p.has('zz')).toBe(false);
  });

  it('an empty list holds nothing', () => {
    const p = new RowPositions([], lookup, false);
    expect(ids.some((id) => p.has(id))).toBe(false);
  });
});
