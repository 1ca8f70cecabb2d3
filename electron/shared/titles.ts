// How titles read in lists. Pure text functions; titles are never HTML.

const NORM = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const LEADING_TAG = /^\s*(?:【([^】]*)】|\[([^\]]*)\])\s*/;

/**
 * The title without its leading course tag when that tag names `courseTitle`: under the
 * course's own heading, `【機器學習 2022】` in every row is noise that hides the topic.
 * Any other tag (a lecture moved into another course, a renamed course) stays.
 */
export function titleUnderCourse(title: string, courseTitle: string): string {
  const m = LEADING_TAG.exec(title);
  const tag = m?.[1] ?? m?.[2];
  if (!m || tag === undefined) return title;
  const rest = title.slice(m[0].length);
  return rest && NORM(tag) === NORM(courseTitle) ? rest : title;
}
