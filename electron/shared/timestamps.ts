// Video timestamps written in note text ("12:34", "1:02:03", "[12:34]", "(1:02:03)").
// Rules, chosen so that dates, clock-like ids and ratios are not mistaken for times:
//  - m:ss or mm:ss (minutes 0–99), or h:mm:ss / hh:mm:ss (minutes 00–59);
//  - seconds are always two digits 00–59, so ratios like 3:2 or 16:9 never match;
//  - no letter, digit, '_', '.' or ':' directly before, and no digit or ":digit"/".digit"
//    directly after, so 2021:12:34:56, 10.12:34, 12:34.5 and v1:23 are left alone.
// Turning them into links for export is electron/main/export-timestamps.ts: it needs a
// Markdown block parser with HTML on, which has no place in the renderer's bundle.

export interface TimestampMatch {
  /** Offset of the first character of the time (brackets around it are not included). */
  start: number;
  /** Offset just past the time. */
  end: number;
  seconds: number;
  /** The time as written, e.g. "1:02:03". */
  label: string;
}

const TIME = String.raw`(?:(\d{1,2}):([0-5]\d):([0-5]\d)|(\d{1,2}):([0-5]\d))`;
const BEFORE = String.raw`(?<![\w.:])`;
const AFTER = String.raw`(?!\d|[:.]\d)`;
const TIMESTAMP_RE = new RegExp(BEFORE + TIME + AFTER, 'g');
const EXACT_RE = new RegExp('^' + TIME + '$');

function toSeconds(m: RegExpExecArray | RegExpMatchArray): number {
  if (m[1] !== undefined) return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  return Number(m[4]) * 60 + Number(m[5]);
}

export function findTimestamps(text: string): TimestampMatch[] {
  const out: TimestampMatch[] = [];
  for (const m of text.matchAll(TIMESTAMP_RE)) {
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, seconds: toSeconds(m), label: m[0] });
  }
  return out;
}

/** Seconds for a whole string like "12:34" or "[1:02:03]", or null. */
export function parseTimestamp(s: string): number | null {
  if (typeof s !== 'string') return null;
  let t = s.trim();
  if ((t.startsWith('[') && t.endsWith(']')) || (t.startsWith('(') && t.endsWith(')'))) t = t.slice(1, -1).trim();
  const m = EXACT_RE.exec(t);
  return m ? toSeconds(m) : null;
}

/** 'm:ss' under an hour ('12:34', '0:05'), 'h:mm:ss' from an hour on. */
export function formatTimestamp(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`not a number of seconds: ${seconds}`);
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
