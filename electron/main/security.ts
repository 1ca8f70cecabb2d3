// Electron's security checklist as plain functions. Electron objects come in as parameters
// (types only), so every rule here runs in vitest without an Electron binary.
import type { Protocol, Session, WebContents, WebPreferences } from 'electron';
import { allowedExternalUrl, EMBED_ORIGIN, isEmbedUrl, THUMBNAIL_HOSTS } from '../shared/links';
import { readStaticFile } from './static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'lecture-companion';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True only for pages the app serves itself: app://lecture-companion/… */
export function isAppUrl(url: string): boolean {
  if (typeof url !== 'string') return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/**
 * The page's Content-Security-Policy. Scripts only from the app itself, never inline or eval.
 * style-src is 'self' too: Svelte's style: directives and virtua's row positions set styles
 * through the CSSOM, which CSP allows, and the components carry no style="" attributes
 * (the e2e harness fails any test that logs a CSP violation).
 * img-src allows the two YouTube thumbnail hosts and nothing else remote; frame-src only the
 * player's embed origin (YouTube's own scripts run inside that frame, never in this page).
 */
export function contentSecurityPolicy(mode: 'electron' | 'web', loopbackOrigin?: string): string {
  const connect = ["'self'"];
  if (mode === 'web' && loopbackOrigin) {
    const u = new URL(loopbackOrigin);
    if (u.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) {
      throw new Error(`not a loopback origin: ${loopbackOrigin}`);
    }
    connect.push(u.origin);
  }
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' ${[...THUMBNAIL_HOSTS].map((h) => `https://${h}`).join(' ')}`,
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    `frame-src ${EMBED_ORIGIN}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The window's webPreferences: isolated, sandboxed, no Node, nothing experimental. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    preload: preloadPath,
  };
}

/** The one filter in front of shell.openExternal; true when the URL was handed on. */
export function safeOpenExternal(shellOpenExternal: (url: string) => Promise<void> | void): (url: string) => boolean {
  return (url) => {
    const ok = allowedExternalUrl(url);
    if (ok === null) return false;
    // A failed launch of the browser is not the page's concern; never an unhandled rejection.
    void Promise.resolve()
      .then(() => shellOpenExternal(ok))
      .catch(() => {});
    return true;
  };
}

type NavigationEvent = { preventDefault(): void; url?: string; isMainFrame?: boolean };
export type HardenableContents = Pick<WebContents, 'setWindowOpenHandler'> & {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- WebContents.on's overloads take listeners of many shapes; unknown[] would not accept them
  on(event: string, listener: (...args: any[]) => void): unknown;
};

/**
 * Keeps the window on the app's own pages: any navigation elsewhere is stopped (an allowed
 * YouTube link goes to the browser instead), new windows are always denied, webviews never attach.
 */
export function hardenWebContents(
  contents: HardenableContents,
  opts: { isAppUrl: (url: string) => boolean; openExternal: (url: string) => void },
): void {
  const toBrowser = (url: string): void => {
    const ok = allowedExternalUrl(url);
    if (ok !== null) opts.openExternal(ok);
  };
  // Electron ≥ 25 puts the url on the event; the positional argument is deprecated.
  const urlOf = (event: NavigationEvent, legacyUrl: unknown): string =>
    typeof event?.url === 'string' ? event.url : typeof legacyUrl === 'string' ? legacyUrl : '';
  const stay = (event: NavigationEvent, legacyUrl?: unknown): void => {
    const url = urlOf(event, legacyUrl);
    // The player's frame (a subframe, never the window) may load the embed and nothing else.
    if (event?.isMainFrame === false && isEmbedUrl(url)) return;
    if (!opts.isAppUrl(url)) event.preventDefault();
  };
  // A clicked link is the one navigation that may continue in the browser. will-frame-navigate
  // (fired too for the main frame) and will-redirect only block, so a click opens one tab, not two.
  contents.on('will-navigate', (event: NavigationEvent, legacyUrl?: unknown) => {
    const url = urlOf(event, legacyUrl);
    if (opts.isAppUrl(url)) return;
    event.preventDefault();
    toBrowser(url);
  });
  contents.on('will-frame-navigate', stay);
  contents.on('will-redirect', stay);
  contents.on('will-attach-webview', (event: NavigationEvent) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    toBrowser(url);
    return { action: 'deny' };
  });
}

/** The app uses no permission (camera, notifications, clipboard read…), so every answer is no. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** The app:// request handler, separate from registration so tests can call it with a Request. */
export function appProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  const csp = contentSecurityPolicy('electron');
  const notFound = (): Response => new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = await readStaticFile(rootDir, url.pathname);
    if (file === null) return notFound();
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: 200,
      headers: {
        'content-type': file.type,
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  };
}

/**
 * Serves the built renderer from rootDir on app://lecture-companion/. The scheme must be
 * registered as privileged (standard, secure) before the app is ready; see index.ts.
 * `_net` is accepted for callers that pass it; files are read with fs so the handler is testable.
 */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, appProtocolHandler(rootDir));
}
