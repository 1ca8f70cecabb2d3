// YouTube's Error 153 ("Video player configuration error"): the embed refuses to set up its
// player for an embedder it cannot identify, and a page served from app:// (or file://) sends
// no Referer to an https frame. So requests to the embed host, and only those, carry the
// project's web address as Referer (and as Origin where Chromium would send app:// or null).
// Browser mode needs none of this: a page on http://127.0.0.1 sends its own.
import { EMBED_HOST } from '../shared/links';

/** Who the app says it is to the embed host. */
export const EMBEDDER_REFERER = 'https://lecture-companion.github.io/';

type Headers = Record<string, string>;

/** The part of Electron's Session this needs (written out: only the glue files import electron). */
export interface HeaderHook {
  webRequest: {
    onBeforeSendHeaders(
      filter: { urls: string[] },
      listener: (details: { url: string; requestHeaders: Headers }, callback: (response: { requestHeaders?: Headers }) => void) => void,
    ): void;
  };
}

/** The headers to send for a request to `url`: changed only for the embed host over https. */
export function embedRequestHeaders(url: string, headers: Headers): Headers {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return headers;
  }
  if (u.protocol !== 'https:' || u.hostname !== EMBED_HOST || u.port !== '' || u.username !== '' || u.password !== '') return headers;
  const out: Headers = {};
  // Header names arrive in any case; drop ours before setting them once.
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() !== 'referer') out[k] = v;
  out.Referer = EMBEDDER_REFERER;
  const originKey = Object.keys(out).find((k) => k.toLowerCase() === 'origin');
  if (originKey !== undefined && !/^https?:\/\//.test(out[originKey] ?? '')) out[originKey] = new URL(EMBEDDER_REFERER).origin;
  return out;
}

/** Install the rule on a session; the URL filter and the function both name only the embed host. */
export function addEmbedReferer(session: HeaderHook): void {
  session.webRequest.onBeforeSendHeaders({ urls: [`https://${EMBED_HOST}/*`] }, (details, callback) =>
    callback({ requestHeaders: embedRequestHeaders(details.url, details.requestHeaders) }),
  );
}
