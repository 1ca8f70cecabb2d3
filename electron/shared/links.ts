// The one link filter: which URLs may leave the app for the user's browser, and how
// YouTube URLs are built. Plain TypeScript (global URL only): main, preload, renderer
// and tests all share it, so the rule cannot drift between the layers.
import { VIDEO_ID } from './wire';

/** Hosts a link may open in the browser. Exact names: no suffix or subdomain matching. */
export const ALLOWED_EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'www.youtube.com',
  'youtube.com',
  'youtu.be',
  'm.youtube.com',
  'www.youtube-nocookie.com',
]);

/**
 * The in-app player's host: YouTube's privacy-enhanced embed. The one origin the CSP's
 * frame-src allows, the one the page accepts player messages from, and the one request
 * host Electron adds a Referer to.
 */
export const EMBED_HOST = 'www.youtube-nocookie.com';
export const EMBED_ORIGIN = `https://${EMBED_HOST}`;

/** Hosts thumbnails may be loaded from (also listed in the CSP's img-src). */
export const THUMBNAIL_HOSTS: ReadonlySet<string> = new Set(['img.youtube.com', 'i.ytimg.com']);

const MAX_URL_LENGTH = 2048;
// The URL parser silently strips tabs/newlines and trims spaces/controls, so
// "java\tscript:" or " javascript:" could parse differently than it reads; refuse the raw string.
// eslint-disable-next-line no-control-regex
const UNSAFE_RAW = /[\u0000-\u0020\u007f-\u009f\\\u2028\u2029\ufeff]/;

/**
 * The URL to hand to the OS, normalised by the URL parser, or null when the link must not leave
 * the app: only https on an exact YouTube host, no user info, no explicit non-default port.
 */
export function allowedExternalUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return null;
  if (UNSAFE_RAW.test(url)) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:') return null;
  if (u.username !== '' || u.password !== '') return null;
  // An explicit :443 normalises to '' (the default); any other port is refused.
  if (u.port !== '') return null;
  if (!ALLOWED_EXTERNAL_HOSTS.has(u.hostname)) return null;
  // Belt and braces: '@' before the path means user info even if the parser disagreed.
  const authority = url.slice(url.indexOf('//') + 2).split(/[/?#]/, 1)[0] ?? '';
  if (authority.includes('@')) return null;
  return u.href;
}

export function isThumbnailUrl(url: string): boolean {
  if (typeof url !== 'string' || UNSAFE_RAW.test(url)) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.username === '' && u.password === '' && u.port === '' && THUMBNAIL_HOSTS.has(u.hostname);
  } catch {
    return false;
  }
}

function checkId(videoId: string): void {
  if (typeof videoId !== 'string' || !VIDEO_ID.test(videoId)) throw new Error(`not a video id: ${String(videoId).slice(0, 40)}`);
}

/** `https://www.youtube.com/watch?v=ID`, plus `&t=754s` when seconds are given. */
export function youtubeWatchUrl(videoId: string, seconds?: number): string {
  checkId(videoId);
  const base = `https://www.youtube.com/watch?v=${videoId}`;
  if (seconds === undefined) return base;
  if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds) || seconds < 0) {
    throw new Error(`not a number of seconds: ${String(seconds)}`);
  }
  return `${base}&t=${seconds}s`;
}

export function thumbnailUrl(videoId: string): string {
  checkId(videoId);
  return `https://img.youtube.com/vi/${videoId}/mqdefault.jpg`;
}

/**
 * The player frame's address: the embed with the IFrame Player API's postMessage protocol on
 * (`enablejsapi=1`), told which origin the page is (`origin`, where its messages go), with no
 * related videos from other channels and no YouTube keyboard of its own (the page's keys drive it).
 */
export function youtubeEmbedUrl(videoId: string, pageOrigin: string): string {
  checkId(videoId);
  return `${EMBED_ORIGIN}/embed/${videoId}?enablejsapi=1&origin=${encodeURIComponent(pageOrigin)}&rel=0&disablekb=1&playsinline=1`;
}

/** True for `https://www.youtube-nocookie.com/embed/…` and nothing else (no user info, no port). */
export function isEmbedUrl(url: unknown): boolean {
  if (typeof url !== 'string' || UNSAFE_RAW.test(url)) return false;
  try {
    const u = new URL(url);
    return (
      u.protocol === 'https:' &&
      u.hostname === EMBED_HOST &&
      u.port === '' &&
      u.username === '' &&
      u.password === '' &&
      u.pathname.startsWith('/embed/')
    );
  } catch {
    return false;
  }
}
