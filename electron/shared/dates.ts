// Dates as the app writes them, in one place: file names, backup days, and the short local
// forms the page shows. Plain Date only (no Node, no DOM), so main and renderer share it.
const pad = (n: number) => String(n).padStart(2, '0');

/** Local calendar day, `2026-12-02`: names the daily backup and groups activity by day. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local date and minute, `2026-12-02 09:41`: backup lists, conflict markers, note lists. */
export function localDateTime(ms: number): string {
  const d = new Date(ms);
  return `${localDay(ms)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** UTC to the second, safe in a file name on every OS: `2026-12-02T09-41-07` (exports a student names). */
export function fileStamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace(/:/g, '-');
}

/** UTC to the millisecond, for files the app names itself in bursts: `2026-12-02T09-41-07-123Z`. */
export function fileStampMs(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}
