import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../../electron/main/catalog/parse';
import { renderMarkdown } from '../../../electron/shared/markdown';
import { mulberry32 } from '../../../bench/generate';

// jsdom ships no types; this is the little of it the test uses.
interface DomWindow {
  document: Document;
  close(): void;
  addEventListener(type: string, listener: (e: unknown) => void, options?: { once?: boolean }): void;
  [key: string]: unknown;
}
const { JSDOM, requestInterceptor } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string, opts?: object) => { window: DomWindow };
  requestInterceptor: (fn: (req: Request) => Response | undefined) => unknown;
};

const FIXTURES = new URL('../../fixtures/hostile/', import.meta.url);
const catalog = parseCatalog(readFileSync(new URL('hostile-catalog.md', FIXTURES), 'utf8'), 'hostile-catalog.md');
const notes = JSON.parse(readFileSync(new URL('hostile-notes.json', FIXTURES), 'utf8')) as string[];
const ID = 'hostile0001';

const ALLOWED_ELEMENTS = new Set(
  'p h1 h2 h3 h4 h5 h6 ul ol li strong em s code pre blockquote hr br table thead tbody tr th td a img span'.split(' '),
);
const ALLOWED_ATTRS = new Set(
  'href src alt title rel data-external data-video-id data-seconds class loading referrerpolicy start'.split(' '),
);
const LINK_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);
const IMAGE_HOSTS = new Set(['img.youtube.com', 'i.ytimg.com']);

// One window whose DOMParser parses each HTML as a whole document (the same parse5 parse, with
// scripting disabled, that `new JSDOM(html)` does), so a check costs a parse, not a new window:
// building a JSDOM window took about 80 ms here, and the fuzzed catalog checks thousands.
const checker = new JSDOM('').window as DomWindow & { DOMParser: typeof DOMParser };
const parser = new checker.DOMParser();

/** Every problem with the HTML, as readable strings; [] means safe. */
function problems(html: string): string[] {
  const document = parser.parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  const out: string[] = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (!ALLOWED_ELEMENTS.has(el.localName)) out.push(`element <${el.localName}>`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) out.push(`handler ${name} on <${el.localName}>`);
      else if (!ALLOWED_ATTRS.has(name)) out.push(`attribute ${name} on <${el.localName}>`);
      if (name === 'href' || name === 'src') {
        let u: URL | null = null;
        try {
          u = new URL(attr.value);
        } catch {
          out.push(`relative or bad ${name}=${JSON.stringify(attr.value)}`);
        }
        if (u && !LINK_PROTOCOLS.has(u.protocol)) out.push(`${name} with ${u.protocol}`);
        if (u && name === 'src' && (u.protocol !== 'https:' || !IMAGE_HOSTS.has(u.hostname))) out.push(`image from ${u.host}`);
      }
    }
  }
  return out;
}

/** Loads the HTML with scripts enabled and records every request; nothing may run or leave. */
async function runInPage(html: string): Promise<{ pwned: unknown; requests: string[] }> {
  const requests: string[] = [];
  const { window } = new JSDOM(`<!doctype html><body>${html}</body>`, {
    url: 'https://app.invalid/',
    runScripts: 'dangerously',
    resources: {
      interceptors: [
        requestInterceptor((req) => {
          requests.push(req.url);
          return new Response('', { status: 204 });
        }),
      ],
    },
  });
  // The window's load event waits for every script, frame and other request the page started,
  // so what ran and what was asked for is all in by then, on a fast machine or a slow one.
  if (window.document.readyState !== 'complete') await new Promise((r) => window.addEventListener('load', r, { once: true }));
  const pwned = window.__pwned;
  window.close();
  return { pwned, requests: requests.filter((u) => !IMAGE_HOSTS.has(new URL(u).hostname)) };
}

// Each summary whole, each of its paragraphs alone (so a failure names the vector), titles and notes.
const samples: [string, string][] = [
  ...catalog.entries.flatMap((e): [string, string][] => [
    [`title of ${e.videoId}`, e.title],
    [`summary of ${e.videoId}`, e.summary],
    ...e.summary.split(/\n{2,}/).map((p, i): [string, string] => [`${e.videoId} ¶${i}: ${p.slice(0, 60)}`, p]),
  ]),
  ...notes.map((n, i): [string, string] => [`note ${i}: ${n.slice(0, 60)}`, n]),
];

describe('hostile fixtures', () => {
  it('is a valid catalog page carrying every vector', () => {
    expect(catalog.warnings).toEqual([]);
    expect(catalog.entries).toHaveLength(10);
    const all = catalog.entries.map((e) => e.title + '\n' + e.summary).join('\n') + notes.join('\n');
    for (const v of [
      '<script>',
      'onerror=',
      '&#106;avascript:',
      'JaVaScRiPt:',
      '   javascript:',
      'vbscript:',
      'data:text/html',
      'data:image/svg+xml',
      '![](javascript:',
      '<javascript:',
      '<svg onload',
      '<iframe srcdoc',
      '<div><svg><style></svg><iframe srcdoc',
      '<object data',
      '<style>',
      '<form action',
      'type=password',
      '<meta http-equiv',
      'ms-msdt:',
      'smb:',
      'vscode:',
      'www.youtube.com.evil.example',
      'youtube.com@evil.example',
    ]) {
      expect(all, v).toContain(v);
    }
  });
});

describe('renderMarkdown on hostile input', () => {
  it.each(samples)('%s', async (_label, src) => {
    for (const html of [renderMarkdown(src), renderMarkdown(src, { videoId: ID })]) {
      expect(problems(html)).toEqual([]);
      expect(await runInPage(html)).toEqual({ pwned: undefined, requests: [] });
    }
  });

  it('the checker itself catches what a naive renderer lets through', async () => {
    expect(problems('<img src=x onerror="window.__pwned=1">')).toContain('handler onerror on <img>');
    expect(problems('<a href="ms-msdt:/id x">x</a>')).toContain('href with ms-msdt:');
    expect(problems('<img src="https://evil.example/p.gif">')).toContain('image from evil.example');
    expect(problems('<div><svg><style></style></svg></div>')).toEqual(expect.arrayContaining(['element <svg>', 'element <style>']));
    expect((await runInPage('<script>window.__pwned = 1</script>')).pwned).toBe(1);
    expect((await runInPage('<script src="https://evil.example/x.js"></script>')).requests).toEqual(['https://evil.example/x.js']);
  });

  it('keeps rejected links as visible text and blocked images as alt text', () => {
    expect(renderMarkdown('[msdt](ms-msdt:/id)')).toBe('<p>[msdt](ms-msdt:/id)</p>\n');
    expect(renderMarkdown('![a cat](https://evil.example/cat.png)')).toBe('<p><span class="image-alt">a cat</span></p>\n');
    expect(renderMarkdown('[ok](https://example.com/a?b=1&c=2)')).toBe(
      '<p><a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer" data-external="">ok</a></p>\n',
    );
    expect(renderMarkdown('<mailto:a@b.example>')).toContain('href="mailto:a@b.example"');
  });

  // A hang or stack overflow fails by the test's timeout, not by a timing assertion.
  it('survives deep nesting and long runs', { timeout: 60_000 }, () => {
    const bombs = [
      '> '.repeat(20_000) + 'x',
      '['.repeat(50_000) + 'x' + '](https://a.example)'.repeat(50_000),
      '*'.repeat(100_000) + 'x' + '*'.repeat(100_000),
      '- '.repeat(10_000) + 'x',
      '`'.repeat(100_000),
      '$'.repeat(100_000),
      '12:34 '.repeat(50_000),
      '<'.repeat(100_000),
    ];
    for (const src of bombs) {
      const html = renderMarkdown(src, { videoId: ID });
      expect(typeof html, src.slice(0, 20)).toBe('string');
      expect(html, src.slice(0, 20)).not.toMatch(/<(script|iframe|svg|style)/i);
    }
  });
});

describe('a fuzzed hostile catalog', () => {
  // Mutations of the hostile page (cut anywhere, bytes flipped, vectors spliced into other
  // entries' summaries) still parse, and every summary that loads renders inert.
  it('loads, reports its bad entries and renders nothing active', { timeout: 240_000 }, () => {
    const page = readFileSync(new URL('hostile-catalog.md', FIXTURES), 'utf8');
    const vectors = [...notes, ...catalog.entries.map((e) => e.summary)];
    const rand = mulberry32(20261126);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    let cases = 0;
    let rendered = 0;
    let warned = 0;
    // Most mutations leave most entries as they were, so the ~2700 summaries render to ~400
    // distinct HTML strings. problems() is a pure function of the string: each distinct one is
    // parsed and walked once and every summary is held to its verdict.
    const verdicts = new Map<string, string[]>();
    const checked = (html: string): string[] => {
      let v = verdicts.get(html);
      if (!v) verdicts.set(html, (v = problems(html)));
      return v;
    };
    for (let k = 0; k < 300; k++) {
      let text = page;
      const kind = k % 3;
      if (kind === 0) text = text.slice(0, Math.floor(rand() * text.length));
      if (kind === 1) {
        const chars = [...text];
        for (let f = 0; f < 4; f++)
          chars[Math.floor(rand() * chars.length)] = pick(['<', '>', '"', "'", '&', '\n', '`', '[', ']', '(', ')', '\u0000']);
        text = chars.join('');
      }
      if (kind === 2) {
        const at = text.indexOf('</details>', Math.floor(rand() * text.length));
        if (at > 0) text = text.slice(0, at) + '\n' + pick(vectors) + '\n' + pick(vectors) + '\n' + text.slice(at);
      }
      const r = parseCatalog(text, 'fuzzed.md');
      cases++;
      warned += r.warnings.length;
      for (const e of r.entries) {
        expect(e.videoId).toMatch(/^[A-Za-z0-9_-]{11}$/);
        expect(checked(renderMarkdown(e.summary, { videoId: e.videoId }))).toEqual([]);
        rendered++;
      }
    }
    console.log(
      `fuzzed hostile catalog: ${cases} catalogs, ${rendered} summaries (${verdicts.size} distinct) rendered inert, ${warned} warnings`,
    );
    expect(rendered).toBeGreaterThan(1000);
    expect(verdicts.size).toBeGreaterThan(100);
    expect(warned).toBeGreaterThan(0);
  });
});

describe('renderMarkdown on ordinary summaries', () => {
  it('aligns table columns with classes, not inline styles the CSP would refuse', () => {
    const html = renderMarkdown('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |');
    expect(html).not.toContain('style=');
    expect(html).toContain('<th class="align-left">a</th>');
    expect(html).toContain('<td class="align-center">2</td>');
    expect(html).toContain('<td class="align-right">3</td>');
  });

  it('renders headings, lists, emphasis and tables', () => {
    const html = renderMarkdown(
      '### 小節整理\n\n- **Lottery** hypothesis\n- *WAN*\n\n1. one\n2. two\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n---',
    );
    const { window } = new JSDOM(html);
    const d = window.document;
    expect(d.querySelector('h3')?.textContent).toBe('小節整理');
    expect(d.querySelectorAll('ul > li')).toHaveLength(2);
    expect(d.querySelectorAll('ol > li')).toHaveLength(2);
    expect(d.querySelector('strong')?.textContent).toBe('Lottery');
    expect(d.querySelector('em')?.textContent).toBe('WAN');
    expect(d.querySelectorAll('table th')).toHaveLength(2);
    expect(d.querySelector('td')?.className).toBe('align-left');
    expect(d.querySelector('hr')).not.toBeNull();
  });

  it('keeps formulas as written text', () => {
    expect(renderMarkdown('loss $L = a*b*c + x_1 * y_1$ here')).toBe('<p>loss $L = a*b*c + x_1 * y_1$ here</p>\n');
    expect(renderMarkdown('$\\alpha \\{x\\}$')).toBe('<p>$\\alpha \\{x\\}$</p>\n');
    expect(renderMarkdown('costs $5 and *$10*')).toBe('<p>costs $5 and <em>$10</em></p>\n');
    expect(renderMarkdown('$a<b$')).toBe('<p>$a&lt;b$</p>\n');
  });

  it('shows YouTube thumbnails and nothing else', () => {
    expect(renderMarkdown('![t](https://i.ytimg.com/vi/abcdefghijk/hqdefault.jpg)')).toBe(
      '<p><img src="https://i.ytimg.com/vi/abcdefghijk/hqdefault.jpg" alt="t" loading="lazy" referrerpolicy="no-referrer"></p>\n',
    );
  });

  it('turns timestamps into exact seek links outside code and links', () => {
    const html = renderMarkdown('At 12:34, [1:02:03] and `5:00` or [see 6:00](https://example.com)', { videoId: 'abcdefghijk' });
    expect(html).toBe(
      '<p>At <a href="https://www.youtube.com/watch?v=abcdefghijk&amp;t=754s" data-video-id="abcdefghijk" data-seconds="754" class="timestamp">12:34</a>, ' +
        '[<a href="https://www.youtube.com/watch?v=abcdefghijk&amp;t=3723s" data-video-id="abcdefghijk" data-seconds="3723" class="timestamp">1:02:03</a>] ' +
        'and <code>5:00</code> or <a href="https://example.com" rel="noopener noreferrer" data-external="">see 6:00</a></p>\n',
    );
    const { window } = new JSDOM(html);
    const a = window.document.querySelector('a.timestamp');
    expect(a?.getAttribute('href')).toBe('https://www.youtube.com/watch?v=abcdefghijk&t=754s');
    expect(renderMarkdown('```\n12:34\n```', { videoId: 'abcdefghijk' })).toBe('<pre><code>12:34\n</code></pre>\n');
  });

  it('links no timestamps without a video id or with a bad one', () => {
    expect(renderMarkdown('At 12:34')).toBe('<p>At 12:34</p>\n');
    expect(renderMarkdown('At 12:34', { videoId: '"><script>' })).toBe('<p>At 12:34</p>\n');
  });
});

describe('renderMarkdown for notes (breaks)', () => {
  it('keeps a single newline as a line break only when asked', () => {
    const src = 'first line\nsecond line';
    expect(renderMarkdown(src, { breaks: true })).toBe('<p>first line<br>\nsecond line</p>\n');
    // Summaries are unchanged: CommonMark joins the two lines into one paragraph.
    expect(renderMarkdown(src)).toBe('<p>first line\nsecond line</p>\n');
  });

  it('is as strict about links and raw HTML as the summary renderer', () => {
    const html = renderMarkdown('[x](javascript:alert(1))\n<img src=x onerror=alert(1)>\nat 12:34', {
      breaks: true,
      videoId: 'aaaaaaaaaaa',
    });
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
    expect(html).toMatch(/<a [^>]*href="https:\/\/www\.youtube\.com\/watch\?v=aaaaaaaaaaa[^"]*t=754s"/);
  });
});
