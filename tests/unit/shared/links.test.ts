import { describe, expect, it, vi } from 'vitest';
import { allowedExternalUrl, isThumbnailUrl, thumbnailUrl, youtubeWatchUrl } from '../../../electron/shared/links';
import { safeOpenExternal } from '../../../electron/main/security';

// Every link vector SECURITY.md and tests/fixtures/hostile/ name, plus the usual URL-parser tricks.
const REJECTED_LINKS = [
  'http://www.youtube.com/watch?v=abcdefghijk',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '&#106;avascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>window.__pwned=1</script>',
  'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
  'file:///etc/passwd',
  'file://www.youtube.com/watch',
  'smb://evil.example/share',
  'ms-msdt:/id PCWDiagnostic /skip force',
  'vscode://file/etc/passwd',
  'https://www.youtube.com.evil.example/watch?v=abcdefghijk',
  'https://youtube.com@evil.example/',
  'https://user:pass@www.youtube.com/watch?v=abcdefghijk',
  'https://user@www.youtube.com/',
  'https://:@www.youtube.com/',
  'https://www.youtube.com:8443/watch',
  'https://evil.example/www.youtube.com',
  'https://evil.example/?u=https://www.youtube.com',
  'https://youtube.com.',
  'https://www.youtube.com./watch',
  'https://wwwyoutube.com/',
  'https://notyoutube.com/',
  'https://youtube.co/',
  'https://img.youtube.com/vi/abcdefghijk/mqdefault.jpg',
  'https://xn--yutube-wqf.com/',
  'https://www.youtube.com\\@evil.example/',
  'https:\\\\www.youtube.com/',
  'https://www.youtube.com%2eevil.example/',
  '//www.youtube.com/watch',
  '/watch?v=abcdefghijk',
  'www.youtube.com/watch?v=abcdefghijk',
  'https://www.youtube.com/\u2028',
  'https://www.youtube.com/ watch',
  '',
  'https://' + 'a'.repeat(3000) + '.youtube.com/',
  'https://www.youtube.com/watch?v=' + 'a'.repeat(3000),
];

const ACCEPTED_LINKS = [
  'https://www.youtube.com/watch?v=abcdefghijk',
  'https://www.youtube.com/watch?v=abcdefghijk&t=754s',
  'https://youtube.com/watch?v=-bcdefghij_',
  'https://youtu.be/abcdefghijk?t=12',
  'https://m.youtube.com/watch?v=abcdefghijk',
  'https://www.youtube-nocookie.com/embed/abcdefghijk',
  'https://WWW.YOUTUBE.COM/watch?v=abcdefghijk',
  'https://www.youtube.com:443/playlist?list=PLJV_el3uVTsPy9oCRY30oBPNLCo89yu49',
];

describe('allowedExternalUrl', () => {
  it.each(REJECTED_LINKS.map((u) => [JSON.stringify(u).slice(0, 80), u]))('rejects %s', (_label, url) => {
    expect(allowedExternalUrl(url)).toBeNull();
  });

  it.each(ACCEPTED_LINKS)('accepts %s', (url) => {
    expect(allowedExternalUrl(url)).not.toBeNull();
  });

  it('rejects non-strings without throwing', () => {
    for (const v of [undefined, null, 42, {}, ['https://youtube.com/'], new URL('https://youtube.com/')]) {
      expect(allowedExternalUrl(v)).toBeNull();
    }
  });

  it('hands on the normalised URL, not the raw string', () => {
    expect(allowedExternalUrl('https://WWW.YOUTUBE.COM:443/watch?v=abcdefghijk')).toBe('https://www.youtube.com/watch?v=abcdefghijk');
  });
});

describe('safeOpenExternal', () => {
  it('never calls shell.openExternal for a rejected link, and calls it once for an allowed one', async () => {
    const spy = vi.fn(async (_url: string) => {});
    const open = safeOpenExternal(spy);
    for (const url of REJECTED_LINKS) expect(open(url)).toBe(false);
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(spy).not.toHaveBeenCalled();

    for (const url of ACCEPTED_LINKS) expect(open(url)).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(spy).toHaveBeenCalledTimes(ACCEPTED_LINKS.length);
    for (const [url] of spy.mock.calls) expect(allowedExternalUrl(url)).not.toBeNull();
  });

  it('swallows a failing shell call instead of leaving an unhandled rejection', async () => {
    const open = safeOpenExternal(() => Promise.reject(new Error('no browser')));
    expect(open('https://youtu.be/abcdefghijk')).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
  });
});

describe('YouTube URL builders', () => {
  it('builds watch URLs with and without a time', () => {
    expect(youtubeWatchUrl('abcdefghijk')).toBe('https://www.youtube.com/watch?v=abcdefghijk');
    expect(youtubeWatchUrl('-bcdefghij_', 754)).toBe('https://www.youtube.com/watch?v=-bcdefghij_&t=754s');
    expect(youtubeWatchUrl('abcdefghijk', 0)).toBe('https://www.youtube.com/watch?v=abcdefghijk&t=0s');
    expect(allowedExternalUrl(youtubeWatchUrl('abcdefghijk', 3723))).not.toBeNull();
  });

  it('refuses bad ids and bad seconds', () => {
    for (const id of ['', 'short', 'abcdefghijkl', 'abc def ghi', 'abcdefghij&', '../../etc/p', 'abcdefghij\n']) {
      expect(() => youtubeWatchUrl(id)).toThrow(/video id/);
      expect(() => thumbnailUrl(id)).toThrow(/video id/);
    }
    for (const s of [-1, 1.5, NaN, Infinity, '12' as unknown as number]) {
      expect(() => youtubeWatchUrl('abcdefghijk', s)).toThrow(/seconds/);
    }
  });

  it('builds thumbnail URLs on an allowed image host', () => {
    expect(thumbnailUrl('abcdefghijk')).toBe('https://img.youtube.com/vi/abcdefghijk/mqdefault.jpg');
    expect(isThumbnailUrl(thumbnailUrl('abcdefghijk'))).toBe(true);
    expect(isThumbnailUrl('https://i.ytimg.com/vi/abcdefghijk/hqdefault.jpg')).toBe(true);
    expect(isThumbnailUrl('http://img.youtube.com/vi/x.jpg')).toBe(false);
    expect(isThumbnailUrl('https://img.youtube.com.evil.example/x.jpg')).toBe(false);
    expect(isThumbnailUrl('https://a@img.youtube.com/x.jpg')).toBe(false);
  });
});
