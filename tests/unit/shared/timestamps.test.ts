import { describe, expect, it } from 'vitest';
import { linkTimestampsForExport } from '../../../electron/main/export-timestamps';
import { findTimestamps, formatTimestamp, parseTimestamp } from '../../../electron/shared/timestamps';

const ID = 'abcdefghijk';
const url = (s: number) => `https://www.youtube.com/watch?v=${ID}&t=${s}s`;

describe('findTimestamps', () => {
  it('finds bare, bracketed and parenthesised times with their offsets', () => {
    const text = 'at 12:34, see [1:02:03] and (0:05) or 5:30.';
    const found = findTimestamps(text);
    expect(found.map((f) => [f.label, f.seconds])).toEqual([
      ['12:34', 754],
      ['1:02:03', 3723],
      ['0:05', 5],
      ['5:30', 330],
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.label);
  });

  it('finds times next to CJK text and full-width punctuation', () => {
    expect(findTimestamps('在12:34講到，（1:02:03）').map((f) => f.seconds)).toEqual([754, 3723]);
  });

  it.each([
    '2021:12:34:56',
    '3:2',
    '16:9',
    '12:60',
    '1:2:03',
    '1:60:00',
    '10.12:34',
    '12:34.5',
    '12:345',
    '112:34',
    'v1:23',
    'x12:34',
    'id_12:34',
  ])('ignores %s', (text) => {
    expect(findTimestamps(text)).toEqual([]);
  });

  it('accepts a colon or full stop after the time when no digit follows', () => {
    expect(findTimestamps('Ends at 12:34. Then 1:00: more').map((f) => f.label)).toEqual(['12:34', '1:00']);
  });
});

describe('parseTimestamp / formatTimestamp', () => {
  it('parses whole timestamps', () => {
    expect(parseTimestamp('12:34')).toBe(754);
    expect(parseTimestamp(' [1:02:03] ')).toBe(3723);
    expect(parseTimestamp('(0:00)')).toBe(0);
    expect(parseTimestamp('99:59')).toBe(5999);
    for (const bad of ['', '12', '12:3', '12:60', 'a12:34', '12:34x', '[12:34', '1:2:3', '-1:00']) {
      expect(parseTimestamp(bad)).toBeNull();
    }
  });

  it('formats m:ss under an hour and h:mm:ss after', () => {
    expect(formatTimestamp(0)).toBe('0:00');
    expect(formatTimestamp(5)).toBe('0:05');
    expect(formatTimestamp(754)).toBe('12:34');
    expect(formatTimestamp(3599)).toBe('59:59');
    expect(formatTimestamp(3600)).toBe('1:00:00');
    expect(formatTimestamp(3723.9)).toBe('1:02:03');
    expect(() => formatTimestamp(-1)).toThrow();
    expect(() => formatTimestamp(NaN)).toThrow();
  });

  it('round-trips', () => {
    for (const s of [0, 1, 59, 60, 754, 3599, 3600, 3723, 36000 + 59]) expect(parseTimestamp(formatTimestamp(s))).toBe(s);
  });
});

describe('linkTimestampsForExport', () => {
  it('turns bare and bracketed times into links', () => {
    expect(linkTimestampsForExport('At 12:34 and [1:02:03] and (0:05).', ID)).toBe(
      `At [12:34](${url(754)}) and [1:02:03](${url(3723)}) and ([0:05](${url(5)})).`,
    );
  });

  it('leaves code spans, fenced and indented code, links and URLs alone', () => {
    const md = [
      'Inline `12:34` and ``a `1:00` b`` code; real 2:00.',
      '',
      '```',
      'log 12:34',
      '```',
      '',
      '~~~py',
      'x = "3:00"',
      '~~~',
      '',
      '    indented 4:00',
      '',
      '- list item 5:00',
      '    - nested item 6:00',
      '',
      '[already 7:00](https://example.com/8:00) and [9:00](https://youtu.be/x) and [10:00][ref]',
      'see https://example.com/a?t=11:00 and <https://example.com/12:00>',
      '<span title="13:00">',
      '',
      '[ref]: https://example.com/14:00',
    ].join('\n');
    const out = linkTimestampsForExport(md, ID);
    expect(out).toContain(`real [2:00](${url(120)}).`);
    expect(out).toContain(`- list item [5:00](${url(300)})`);
    expect(out).toContain(`    - nested item [6:00](${url(360)})`);
    for (const kept of [
      'Inline `12:34` and ``a `1:00` b`` code',
      '```\nlog 12:34\n```',
      'x = "3:00"',
      '    indented 4:00',
      '[already 7:00](https://example.com/8:00)',
      '[9:00](https://youtu.be/x)',
      '[10:00][ref]',
      'https://example.com/a?t=11:00 ',
      '<https://example.com/12:00>',
      '<span title="13:00">',
      '[ref]: https://example.com/14:00',
    ]) {
      expect(out).toContain(kept);
    }
    expect(out.match(/\]\(https:\/\/www\.youtube\.com/g)).toHaveLength(3);
  });

  it('returns text without timestamps unchanged and refuses a bad id', () => {
    expect(linkTimestampsForExport('no times here: 3:2', ID)).toBe('no times here: 3:2');
    expect(() => linkTimestampsForExport('12:34', 'bad id')).toThrow(/video id/);
  });

  it('is idempotent', () => {
    const once = linkTimestampsForExport('At 12:34 and [1:02:03].', ID);
    expect(linkTimestampsForExport(once, ID)).toBe(once);
  });

  // A backtracking pattern would hang here; the test's timeout (not a timing assertion) catches that.
  it('links every time in a long note full of times, code and links', { timeout: 60_000 }, () => {
    const note = Array.from({ length: 20_000 }, (_, i) => `line ${i} at 12:${String(i % 60).padStart(2, '0')}, \`${i}:00\` [l](https://x.example/${i})`).join('\n');
    const out = linkTimestampsForExport(note, ID);
    expect(out.match(/\]\(https:\/\/www\.youtube\.com/g)).toHaveLength(20_000);
  });
});
