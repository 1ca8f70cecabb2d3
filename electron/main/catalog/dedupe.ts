// One entry per video id, within a page and across pages (editions of the catalog overlap),
// with a warning that says which listing was kept and why.
import type { CatalogEntry, CatalogWarning } from '../../shared/types';

type Warn = (line: number, message: string) => void;

/** The longer summary wins, else (across pages) the dated one, else the first. */
function pick<E extends CatalogEntry>(first: E, second: E, preferDate: boolean): { keep: E; drop: E; why: string } {
  if (second.summary.length > first.summary.length) return { keep: second, drop: first, why: 'longer summary' };
  if (second.summary.length < first.summary.length) return { keep: first, drop: second, why: 'longer summary' };
  if (preferDate && second.date && !first.date) return { keep: second, drop: first, why: 'has a date' };
  return { keep: first, drop: second, why: 'first seen' };
}

/** Within one page: the survivor takes the first listing's place, so page order is kept. */
export function dedupePage(found: CatalogEntry[], warn: Warn): CatalogEntry[] {
  const slot = new Map<string, number>();
  const out: CatalogEntry[] = [];
  for (const e of found) {
    const i = slot.get(e.videoId);
    const first = i === undefined ? undefined : out[i];
    if (i === undefined || first === undefined) {
      slot.set(e.videoId, out.length);
      out.push(e);
      continue;
    }
    const { keep, drop, why } = pick(first, e, false);
    out[i] = { ...keep, date: keep.date ?? drop.date };
    warn(drop.line, `duplicate video id ${e.videoId}: kept the entry at line ${keep.line} (${why}), dropped this one`);
  }
  return out;
}

/** Across pages: entries come back sorted by index ascending. */
export function mergePages(pages: { file: string; entries: CatalogEntry[] }[], warnings: CatalogWarning[]): CatalogEntry[] {
  const byId = new Map<string, CatalogEntry & { file: string }>();
  for (const { file, entries } of pages) {
    for (const entry of entries) {
      const e = { ...entry, file };
      const prev = byId.get(e.videoId);
      if (!prev) {
        byId.set(e.videoId, e);
        continue;
      }
      const { keep, drop, why } = pick(prev, e, true);
      byId.set(e.videoId, { ...keep, date: keep.date ?? drop.date });
      warnings.push({
        file: drop.file,
        line: drop.line,
        message: `video ${e.videoId} also appears in ${keep.file} line ${keep.line}; kept that one (${why})`,
      });
    }
  }
  const entries = [...byId.values()].map(({ file: _file, ...e }) => e);
  entries.sort((a, b) => a.index - b.index || a.line - b.line);
  return entries;
}
