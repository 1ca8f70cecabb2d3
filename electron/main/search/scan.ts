// Results without the index: the substring scan that answers while the index builds, and
// the snippet every result shows (from the indexed search too).
import type { MatchField } from '../../shared/contract';
import { fold } from './normalize';
import type { ParsedQuery } from './tokenize';
import { leadSnippet, makeSnippet } from './snippet';
import { BOOST } from './score';

export interface SearchDoc {
  videoId: string;
  title: string;
  summary: string;
  note: string;
}

export interface SearchResult {
  videoId: string;
  /** Where the query matched, best first (title, note, summary). */
  fields: MatchField[];
  snippet: string;
  snippetField: MatchField;
  /** [start, end) offsets into `snippet`. */
  highlights: [number, number][];
  score: number;
}

export interface Entry {
  doc: SearchDoc;
  /**
   * Folded title and note for the substring scan that answers while the index builds;
   * made by the first scan, not at start, where 10,000 titles would hold up requests.
   */
  titleF?: string;
  noteF?: string;
}

/**
 * Snippet from the best field that contains every query word whole; failing that, the
 * best field that shows any of them; failing that (a prefix-only hit), the title's start.
 */
export function snippetFor(
  doc: SearchDoc,
  fields: MatchField[],
  q: ParsedQuery,
): Pick<SearchResult, 'snippet' | 'snippetField' | 'highlights'> {
  let partial: Pick<SearchResult, 'snippet' | 'snippetField' | 'highlights'> | null = null;
  for (const f of fields) {
    const s = makeSnippet(doc[f], q.runs, f !== 'title');
    if (!s) continue;
    const r = { snippet: s.text, snippetField: f, highlights: s.highlights };
    if (s.complete) return r;
    partial ??= r;
  }
  if (partial) return partial;
  const s = leadSnippet(doc.title, false);
  return { snippet: s.text, snippetField: 'title', highlights: s.highlights };
}

/** While the index builds: every query word must occur in the title or the note. */
export function scan(
  entries: Iterable<Entry>,
  q: ParsedQuery,
  filter: ((videoId: string) => boolean) | undefined,
  limit: number,
): SearchResult[] {
  const scored: { e: Entry; fields: MatchField[]; score: number }[] = [];
  for (const e of entries) {
    e.titleF ??= fold(e.doc.title);
    e.noteF ??= fold(e.doc.note);
    let inTitle = 0;
    let inNote = 0;
    let all = true;
    for (const r of q.runs) {
      const t = e.titleF.includes(r.text);
      const n = !t && e.noteF.includes(r.text);
      if (t) inTitle++;
      else if (n) inNote++;
      else {
        all = false;
        break;
      }
    }
    if (!all || (filter && !filter(e.doc.videoId))) continue;
    const fields: MatchField[] = [];
    if (inTitle) fields.push('title');
    if (inNote || (inTitle && q.runs.some((r) => e.noteF!.includes(r.text)))) fields.push('note');
    scored.push({ e, fields, score: inTitle * BOOST[0] + inNote * BOOST[1] });
  }
  // Stable sort: equal scores keep catalog order.
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, limit).map(({ e, fields, score }) => ({
    videoId: e.doc.videoId,
    fields,
    score,
    ...snippetFor(e.doc, fields, q),
  }));
}
