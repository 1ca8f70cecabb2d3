import { resolveAppPath } from '../../../electron/main/static-files';
import { EventEmitter } from 'node:events';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_ORIGIN,
  APP_SCHEME,
  appProtocolHandler,
  contentSecurityPolicy,
  denyAllPermissions,
  hardenWebContents,
  isAppUrl,
  registerAppProtocol,
  secureWebPreferences,
} from '../../../electron/main/security';
import { allowedExternalUrl } from '../../../electron/shared/links';

describe('window', () => {
  it('builds exactly the secure webPreferences', () => {
    // Electron's security checklist, as rules rather than a copy of the object: what must be
    // on, what must be off, and nothing else but the preload.
    const on = ['contextIsolation', 'sandbox', 'webSecurity'];
    const off = ['nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'allowRunningInsecureContent'];
    const alsoOff = ['experimentalFeatures', 'webviewTag', 'spellcheck'];
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(Object.keys(prefs).sort()).toEqual([...on, ...off, ...alsoOff, 'preload'].sort());
    for (const k of on) expect(prefs, k).toHaveProperty(k, true);
    for (const k of [...off, ...alsoOff]) expect(prefs, k).toHaveProperty(k, false);
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(secureWebPreferences('x')).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('contentSecurityPolicy', () => {
  const directives = (csp: string) =>
    Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k!, v]),
    );

  it('locks scripts to the app and images to the thumbnail hosts', () => {
    const d = directives(contentSecurityPolicy('electron'));
    expect(d['default-src']).toEqual(["'none'"]);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['img-src']).toEqual(["'self'", 'https://img.youtube.com', 'https://i.ytimg.com']);
    expect(d['connect-src']).toEqual(["'self'"]);
    for (const k of ['object-src', 'base-uri', 'form-action']) expect(d[k]).toEqual(["'none'"]);
    // Frames: the player's embed origin, and nothing else (no youtube.com, no wildcard).
    expect(d['frame-src']).toEqual(['https://www.youtube-nocookie.com']);
    expect(d['font-src']).toEqual(["'self'"]);
    // No inline styles either: the components style through classes and the CSSOM.
    expect(d['style-src']).toEqual(["'self'"]);
    const csp = contentSecurityPolicy('electron');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/unsafe-/);
  });

  it('adds the loopback origin in web mode and refuses anything else', () => {
    const d = directives(contentSecurityPolicy('web', 'http://127.0.0.1:5178'));
    expect(d['connect-src']).toEqual(["'self'", 'http://127.0.0.1:5178']);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(() => contentSecurityPolicy('web', 'https://evil.example')).toThrow(/loopback/);
    expect(() => contentSecurityPolicy('web', 'http://127.0.0.1.evil.example')).toThrow(/loopback/);
  });
});

/** A stand-in WebContents: real EventEmitter events, the window-open handler captured. */
function fakeContents() {
  const ee = new EventEmitter();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  const contents = Object.assign(ee, {
    setWindowOpenHandler: (h: typeof openHandler) => {
      openHandler = h;
    },
  });
  const fire = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    ee.emit(name, event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('hardenWebContents', () => {
  const setup = () => {
    const f = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(f.contents as never, { isAppUrl, openExternal });
    return { ...f, openExternal };
  };

  it('lets the app navigate within its own pages', () => {
    const { fire, openExternal } = setup();
    for (const ev of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(fire(ev, `${APP_ORIGIN}/index.html#/lecture/abc`)).toBe(false);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('stops navigation anywhere else, and opens only allowed links in the browser', () => {
    const { fire, openExternal } = setup();
    const away = [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://other-host/index.html',
      'javascript:alert(1)',
      'https://www.youtube.com.evil.example/',
      'http://www.youtube.com/watch?v=abcdefghijk',
      'ms-msdt:/id x',
      '',
    ];
    for (const url of away) {
      for (const ev of ['will-navigate', 'will-frame-navigate', 'will-redirect']) expect(fire(ev, url), `${ev} ${url}`).toBe(true);
    }
    expect(openExternal).not.toHaveBeenCalled();

    expect(fire('will-navigate', 'https://www.youtube.com/watch?v=abcdefghijk&t=754s')).toBe(true);
    expect(fire('will-frame-navigate', 'https://www.youtube.com/watch?v=abcdefghijk')).toBe(true);
    expect(fire('will-redirect', 'https://youtu.be/abcdefghijk')).toBe(true);
    // Only the clicked link (will-navigate) reaches the browser, once.
    expect(openExternal.mock.calls).toEqual([['https://www.youtube.com/watch?v=abcdefghijk&t=754s']]);
  });

  it('denies every new window, handing allowed links to the filter', () => {
    const { open, openExternal } = setup();
    for (const url of ['https://evil.example/', 'javascript:alert(1)', `${APP_ORIGIN}/index.html`, 'smb://evil.example/x', 'about:blank']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
    expect(open('https://m.youtube.com/watch?v=abcdefghijk')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    for (const [url] of openExternal.mock.calls) expect(allowedExternalUrl(url)).not.toBeNull();
  });

  it('prevents webviews from attaching', () => {
    const { fire } = setup();
    expect(fire('will-attach-webview', 'https://evil.example/')).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('answers no to every request and check', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: ((wc: unknown, p: string) => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h: never) => void (request = h),
      setPermissionCheckHandler: (h: never) => void (check = h),
    } as never);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'unknown']) {
      const cb = vi.fn();
      request!(null, p, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(check!(null, p)).toBe(false);
    }
    // Full screen, for the player only: from the app's page or the embed, never another page.
    const ask = (p: string, requestingUrl: string) => {
      const cb = vi.fn();
      (request as unknown as (wc: unknown, p: string, cb: (ok: boolean) => void, d: unknown) => void)(null, p, cb, { requestingUrl });
      return cb.mock.calls[0]?.[0];
    };
    expect(ask('fullscreen', `${APP_ORIGIN}/index.html`)).toBe(true);
    expect(ask('fullscreen', 'https://www.youtube-nocookie.com/embed/abcdefghijk?enablejsapi=1')).toBe(true);
    expect(ask('fullscreen', 'https://evil.example/')).toBe(false);
    expect(ask('media', `${APP_ORIGIN}/index.html`)).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('accepts only app://lecture-companion pages', () => {
    expect(APP_SCHEME).toBe('app');
    expect(isAppUrl('app://lecture-companion/index.html')).toBe(true);
    expect(isAppUrl('app://lecture-companion/')).toBe(true);
    for (const u of [
      'app://lecture-companion.evil/index.html',
      'app://evil/lecture-companion',
      'app://x@lecture-companion/',
      'file:///index.html',
      'https://lecture-companion/',
      'http://127.0.0.1:5173/',
      'about:blank',
      '',
      'app:lecture-companion',
    ]) {
      expect(isAppUrl(u), u).toBe(false);
    }
  });
});

describe('resolveAppPath', () => {
  const root = join(tmpdir(), 'lc-root');
  it('maps app paths inside the root', () => {
    expect(resolveAppPath(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, '/assets/app%20x.js')).toBe(join(root, 'assets', 'app x.js'));
    expect(resolveAppPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, '/assets/')).toBe(join(root, 'assets', 'index.html'));
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/%2E%2E/%2e%2e/etc/passwd',
    '/.%2e/x',
    '/assets/%2e%2e/%2e%2e/x',
    '/..%2fetc%2fpasswd',
    '/%2e%2e%2f%2e%2e%2fetc',
    '/..\\etc\\passwd',
    '/%5c..%5cetc',
    '/assets\\..\\..\\x',
    '//etc/passwd',
    '/C:/Windows/win.ini',
    '/c%3a/x',
    '/index.html%00.png',
    '/index.html\u0000',
    '/%',
    '/%zz',
    'index.html',
    '',
    '/./index.html',
    '/' + 'a/'.repeat(600),
  ])('refuses %j', (p) => {
    expect(resolveAppPath(root, p)).toBeNull();
  });

  it('never returns a path outside the root', () => {
    for (let i = 0; i < 2000; i++) {
      const parts = Array.from(
        { length: 1 + (i % 5) },
        (_, j) => ['..', '%2e%2e', '.', 'a', '%2f', '%5c', '', 'b%2f..'][(i * 7 + j * 3) % 8],
      );
      const got = resolveAppPath(root, '/' + parts.join('/'));
      if (got !== null) expect(got.startsWith(root + sep)).toBe(true);
    }
  });
});

describe('app protocol', () => {
  const root = mkdtempSync(join(tmpdir(), 'lc-app-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(tmpdir(), 'lc-secret.txt'), 'secret');

  it('registers one handler for the app scheme', () => {
    const handle = vi.fn();
    registerAppProtocol({ handle } as never, root);
    expect(handle).toHaveBeenCalledTimes(1);
    expect(handle.mock.calls[0]![0]).toBe('app');
    expect(typeof handle.mock.calls[0]![1]).toBe('function');
  });

  it('serves files with the CSP and the right content types', async () => {
    const h = appProtocolHandler(root);
    const page = await h(new Request(`${APP_ORIGIN}/`));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy('electron'));
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>x</title>');
    expect((await h(new Request(`${APP_ORIGIN}/assets/app.js`))).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await h(new Request(`${APP_ORIGIN}/assets/app.css`))).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for missing files, traversal, directories and other hosts', async () => {
    const h = appProtocolHandler(root);
    for (const url of [
      `${APP_ORIGIN}/missing.js`,
      `${APP_ORIGIN}/%2e%2e/lc-secret.txt`,
      `${APP_ORIGIN}/..%2flc-secret.txt`,
      `${APP_ORIGIN}/assets%5c..%5c..%5clc-secret.txt`,
      `${APP_ORIGIN}/assets`,
      'app://other/index.html',
    ]) {
      const res = await h(new Request(url));
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('secret');
    }
    expect((await h(new Request(`${APP_ORIGIN}/index.html`, { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('the player frame', () => {
  it('builds the embed URL on the nocookie host only, and knows it', async () => {
    const { youtubeEmbedUrl, isEmbedUrl } = await import('../../../electron/shared/links');
    const url = youtubeEmbedUrl('abcdefghijk', 'app://lecture-companion');
    expect(url).toBe(
      'https://www.youtube-nocookie.com/embed/abcdefghijk?enablejsapi=1&origin=app%3A%2F%2Flecture-companion&rel=0&disablekb=1&playsinline=1',
    );
    expect(isEmbedUrl(url)).toBe(true);
    for (const bad of [
      'https://www.youtube.com/embed/abcdefghijk',
      'https://www.youtube-nocookie.com/watch?v=abcdefghijk',
      'http://www.youtube-nocookie.com/embed/x',
      'https://www.youtube-nocookie.com:8443/embed/x',
      'https://u@www.youtube-nocookie.com/embed/x',
      'https://www.youtube-nocookie.com.evil.example/embed/x',
    ]) {
      expect(isEmbedUrl(bad), bad).toBe(false);
    }
    expect(() => youtubeEmbedUrl('../../etc/p', 'x')).toThrow();
  });

  it('lets a subframe load the embed, never the window, and nothing else in a subframe', () => {
    const ee = new EventEmitter();
    const contents = Object.assign(ee, { setWindowOpenHandler: () => undefined });
    hardenWebContents(contents as never, { isAppUrl, openExternal: vi.fn() });
    const fire = (name: string, url: string, isMainFrame: boolean) => {
      const event = { url, isMainFrame, preventDefault: vi.fn() };
      ee.emit(name, event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    const embed = 'https://www.youtube-nocookie.com/embed/abcdefghijk?enablejsapi=1';
    expect(fire('will-frame-navigate', embed, false)).toBe(false);
    expect(fire('will-redirect', embed, false)).toBe(false);
    expect(fire('will-frame-navigate', embed, true)).toBe(true);
    expect(fire('will-navigate', embed, true)).toBe(true);
    expect(fire('will-frame-navigate', 'https://accounts.google.com/', false)).toBe(true);
  });

  it('adds the Referer (and an https Origin) for the embed host and for no other request', async () => {
    const { embedRequestHeaders } = await import('../../../electron/main/embed-referer');
    const h = { 'User-Agent': 'x', referer: 'app://lecture-companion/' };
    expect(embedRequestHeaders('https://www.youtube-nocookie.com/embed/abcdefghijk', h)).toEqual({
      'User-Agent': 'x',
      Referer: 'https://lecture-companion.github.io/',
    });
    expect(embedRequestHeaders('https://www.youtube-nocookie.com/s/player.js', { origin: 'null' })).toEqual({
      origin: 'https://lecture-companion.github.io',
      Referer: 'https://lecture-companion.github.io/',
    });
    for (const url of [
      'https://www.youtube.com/embed/x',
      'http://www.youtube-nocookie.com/embed/x',
      'https://www.youtube-nocookie.com:444/embed/x',
      'https://evil.example/?www.youtube-nocookie.com',
      'https://i.ytimg.com/vi/x.jpg',
      'not a url',
    ]) {
      expect(embedRequestHeaders(url, h), url).toBe(h);
    }
  });
});
