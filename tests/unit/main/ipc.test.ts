import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, METHODS, type Api, type Method } from '../../../electron/shared/contract';
import { registerIpc } from '../../../electron/main/ipc';
import { decodeIpcError, methodChannel } from '../../../electron/shared/wire';
import { isAppUrl } from '../../../electron/main/security';

// The preload imports 'electron'; a stand-in keeps the real package (which would try to
// download a binary) from ever loading.
const bridge = vi.hoisted(() => ({
  exposed: [] as [string, unknown][],
  invoke: vi.fn(),
  sent: [] as unknown[][],
  listeners: new Map<string, Set<() => void>>(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => bridge.exposed.push([key, value]) },
  ipcRenderer: {
    invoke: bridge.invoke,
    send: (...a: unknown[]) => bridge.sent.push(a),
    on: (channel: string, l: () => void) => bridge.listeners.set(channel, (bridge.listeners.get(channel) ?? new Set()).add(l)),
    removeListener: (channel: string, l: () => void) => bridge.listeners.get(channel)?.delete(l),
  },
}));

type Handler = (event: unknown, payload: unknown) => Promise<unknown>;
const APP_EVENT = { senderFrame: { url: 'app://lecture-companion/index.html' } };

function setup(impl?: (name: Method, args: unknown) => unknown) {
  const handlers = new Map<string, Handler>();
  const calls: [Method, unknown][] = [];
  const api = Object.fromEntries(
    METHODS.map((m) => [
      m,
      async (args: unknown) => {
        calls.push([m, args]);
        return impl ? impl(m, args) : { ok: m };
      },
    ]),
  ) as unknown as Api;
  registerIpc({ handle: (channel: string, h: Handler) => void handlers.set(channel, h) } as never, api, { isAppUrl });
  // Not a default parameter: an explicit `undefined` event must reach the handler as is.
  const call = (m: Method, payload: unknown, ...event: [unknown?]) =>
    handlers.get(methodChannel(m))!(event.length ? event[0] : APP_EVENT, payload);
  return { handlers, calls, call };
}

// What each method's arguments look like (mirrors the contract; a method without a spec fails below).
type Kind =
  | 'videoId'
  | 'videoIds'
  | 'bool'
  | 'seconds'
  | 'position'
  | 'played'
  | 'share'
  | 'rate'
  | 'limit'
  | 'courseId'
  | 'title'
  | 'query'
  | 'note'
  | 'backup'
  | 'name'
  | `enum:${string}`;
interface Field {
  kind: Kind;
  required?: boolean;
  nullable?: boolean;
}
const SPEC: Record<Method, { fields: Record<string, Field>; good: Record<string, unknown> }> = {
  getLibrary: { fields: { firstScreen: { kind: 'bool' } }, good: { firstScreen: true } },
  getLectureText: { fields: {}, good: {} },
  getLecture: { fields: { videoId: { kind: 'videoId', required: true } }, good: { videoId: 'abcdefghijk' } },
  setWatched: {
    fields: { videoId: { kind: 'videoId', required: true }, watched: { kind: 'bool', required: true } },
    good: { videoId: '-bcdefghij_', watched: true },
  },
  openVideo: {
    fields: { videoId: { kind: 'videoId', required: true }, seconds: { kind: 'seconds' } },
    good: { videoId: 'abcdefghijk', seconds: 754 },
  },
  setPrefs: {
    fields: {
      uploadOrder: { kind: 'bool' },
      newestFirst: { kind: 'bool' },
      lastVideoId: { kind: 'videoId', nullable: true },
      lastCourseId: { kind: 'courseId', nullable: true },
      playbackRate: { kind: 'rate' },
      autoMarkShare: { kind: 'share', nullable: true },
      linkedWatched: { kind: 'bool' },
      playerFolded: { kind: 'bool' },
    },
    good: { uploadOrder: false, lastVideoId: null, lastCourseId: 'ml-2021' },
  },
  saveNote: {
    fields: { videoId: { kind: 'videoId', required: true }, text: { kind: 'note', required: true } },
    good: { videoId: 'abcdefghijk', text: 'at 12:34 **gradient**' },
  },
  listNotes: { fields: {}, good: {} },
  getWatchHistory: { fields: {}, good: {} },
  savePlayback: {
    fields: {
      videoId: { kind: 'videoId', required: true },
      position: { kind: 'position', required: true },
      duration: { kind: 'position', required: true },
      played: { kind: 'played' },
    },
    good: { videoId: 'abcdefghijk', position: 754.25, duration: 3000, played: 5 },
  },
  search: {
    fields: {
      query: { kind: 'query', required: true },
      courseId: { kind: 'courseId' },
      watched: { kind: 'enum:any|watched|unwatched' },
      hasNote: { kind: 'bool' },
      limit: { kind: 'limit' },
    },
    good: { query: '梯度', watched: 'any', limit: 20 },
  },
  moveLecture: {
    fields: { videoId: { kind: 'videoId', required: true }, courseId: { kind: 'courseId' }, newCourseTitle: { kind: 'title' } },
    good: { videoId: 'abcdefghijk', courseId: 'ml-2021' },
  },
  moveLectures: {
    fields: { videoIds: { kind: 'videoIds', required: true }, courseId: { kind: 'courseId' }, newCourseTitle: { kind: 'title' } },
    good: { videoIds: ['abcdefghijk', '-bcdefghij_'], courseId: 'ml-2021' },
  },
  renameCourse: {
    fields: { courseId: { kind: 'courseId', required: true }, title: { kind: 'title', required: true } },
    good: { courseId: 'ml-2021', title: 'ML 2021' },
  },
  undoMoveLectures: { fields: {}, good: {} },
  resetCorrections: { fields: {}, good: {} },
  exportNotes: {
    fields: {
      scope: { kind: 'enum:one|all', required: true },
      videoId: { kind: 'videoId' },
      layout: { kind: 'enum:single|perLecture', required: true },
    },
    good: { scope: 'one', videoId: 'abcdefghijk', layout: 'single' },
  },
  exportBackup: { fields: {}, good: {} },
  importBackup: { fields: { content: { kind: 'backup', required: true } }, good: { content: '{"version":1}' } },
  listBackups: { fields: {}, good: {} },
  restoreBackup: { fields: { name: { kind: 'name', required: true } }, good: { name: 'backup-2024.json' } },
};

/** Seeded PRNG (mulberry32) so every run tries the same payloads. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'then',
  '',
  ' videoId',
  'videoid',
];

function junk(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * 10);
  if (depth > 3 || pick < 4) return [42, -1, 1.5, NaN, Infinity, 'str', '', true, false, 0][Math.floor(rand() * 10)];
  if (pick < 7) return Array.from({ length: Math.floor(rand() * 4) }, () => junk(rand, depth + 1));
  return Object.fromEntries(Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, i) => [`k${i}`, junk(rand, depth + 1)]));
}

/** Values of the wrong type, or malformed/oversized values of the right type, for a field. */
function badValues(f: Field): unknown[] {
  const common: unknown[] = [42, true, {}, [], ['abcdefghijk'], { nested: { deeper: [1, { a: null }] } }];
  if (!f.nullable) common.push(null);
  const k = f.kind;
  if (k === 'bool') return [...common.filter((v) => v !== true), 'true', 1, 0];
  if (k === 'seconds') return [...common.filter((v) => v !== 42), '12', -1, 1.5, NaN, Infinity, 48 * 3600 + 1];
  // Positions are seconds of video with fractions, up to 48 h; played is one report's share of it.
  if (k === 'position') return [...common.filter((v) => v !== 42), '12', -1, NaN, Infinity, 48 * 3600 + 1];
  if (k === 'played') return [...common.filter((v) => v !== 42), '5', -0.5, NaN, 3601];
  if (k === 'share') return [...common.filter((v) => v !== true), '0.9', -0.1, 1.5, NaN];
  if (k === 'rate') return [...common.filter((v) => v !== true && v !== 42), '1', 0, 0.1, 16, NaN];
  // One good id in an array is a valid list: left out of the shared wrong values.
  if (k === 'videoIds')
    return [
      ...common.filter((v) => !Array.isArray(v) || v.length === 0),
      [],
      'abcdefghijk',
      ['abcdefghij'],
      ['abcdefghijk', 42],
      [TEN_MB],
      Array(1001).fill('abcdefghijk'),
    ];
  if (k === 'limit') return [...common.filter((v) => v !== 42), '20', 0, 201, 2.5, NaN];
  const strings: Record<string, unknown[]> = {
    videoId: ['', 'abcdefghij', 'abcdefghijkl', 'abc defghij', 'abcdefghíjk', '../../etc/p', 'abcdefghij\n', TEN_MB],
    courseId: ['', 'c'.repeat(201), TEN_MB],
    title: ['', '   ', 't'.repeat(201), TEN_MB],
    query: ['q'.repeat(501), TEN_MB],
    note: ['n'.repeat(4_000_001), TEN_MB],
    backup: [],
    name: ['', 'n'.repeat(201), TEN_MB],
  };
  const enumBad = k.startsWith('enum:') ? ['', 'other', k.slice(5).split('|')[0]!.toUpperCase(), TEN_MB] : [];
  return [...common, ...(strings[k] ?? []), ...enumBad];
}

/** A payload as JSON for a failure message. Long strings are cut before serialising: the
 *  payloads carry 10 MB strings, and serialising them whole for every label took 19 of the
 *  generated-payload test's 21 s. */
const preview = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === 'string' && x.length > 120 ? `${x.slice(0, 120)}…` : x))?.slice(0, 120);

/** Payloads every method must refuse, by construction (wrong shape, missing, extra, malformed). */
function badPayloads(m: Method, rand: () => number): unknown[] {
  const { fields, good } = SPEC[m];
  const out: unknown[] = [
    42,
    'getLibrary',
    true,
    [],
    [good],
    ['a', 1],
    new Date(0),
    new Map([['videoId', 'abcdefghijk']]),
    new Set(),
    /x/,
    new Uint8Array(4),
  ];
  for (let i = 0; i < 8; i++) out.push(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => junk(rand)));
  for (const key of HOSTILE_KEYS) {
    // JSON.parse makes "__proto__" an own key, as structured clone over IPC would.
    out.push(
      JSON.parse(JSON.stringify(good).replace(/^\{/, `{${JSON.stringify(key)}:{"polluted":true}${Object.keys(good).length ? ',' : ''}`)),
    );
  }
  for (let i = 0; i < 6; i++) out.push({ ...good, [`extra${Math.floor(rand() * 1e6)}`]: junk(rand) });
  out.push({ ...good, [TEN_MB.slice(0, 100_000)]: 1 });
  for (const [name, f] of Object.entries(fields)) {
    if (f.required) {
      const { [name]: _gone, ...rest } = { ...good, [name]: 0 };
      out.push(rest);
    }
    for (const v of badValues(f)) out.push({ ...good, [name]: v });
  }
  if (m === 'moveLectures') out.push({ videoIds: ['abcdefghijk'] }, { videoIds: ['abcdefghijk'], courseId: 'a', newCourseTitle: 'b' });
  if (m === 'moveLecture') out.push({ videoId: 'abcdefghijk' }, { videoId: 'abcdefghijk', courseId: 'a', newCourseTitle: 'b' });
  if (m === 'exportNotes') out.push({ scope: 'one', layout: 'single' });
  return out;
}

describe('registerIpc', () => {
  it('registers exactly one prefixed channel per contract method', () => {
    const { handlers } = setup();
    expect([...handlers.keys()]).toEqual(METHODS.map((m) => 'lc:' + m));
    expect(Object.keys(SPEC).sort()).toEqual([...METHODS].sort());
  });

  it('passes good payloads to the api and returns its result', async () => {
    const { call, calls } = setup();
    for (const m of METHODS) await expect(call(m, SPEC[m].good)).resolves.toEqual({ ok: m });
    expect(calls.map(([m]) => m)).toEqual(METHODS);
    expect(calls.find(([m]) => m === 'setWatched')![1]).toEqual({ videoId: '-bcdefghij_', watched: true });
    await expect(call('getLibrary', undefined)).resolves.toEqual({ ok: 'getLibrary' });
    await expect(call('importBackup', { content: TEN_MB })).resolves.toEqual({ ok: 'importBackup' });
  });

  it('rejects forged senders before anything runs', async () => {
    const { call, calls } = setup();
    const forged = [
      { senderFrame: { url: 'file:///home/user/evil.html' } },
      { senderFrame: { url: 'https://evil.example/' } },
      { senderFrame: { url: 'app://lecture-companion.evil.example/index.html' } },
      { senderFrame: { url: 'http://127.0.0.1:5173/' } },
      { senderFrame: { url: '' } },
      { senderFrame: null },
      {
        senderFrame: {
          get url(): string {
            throw new Error('frame destroyed');
          },
        },
      },
      {},
      undefined,
    ];
    let n = 0;
    for (const m of METHODS) {
      for (const ev of forged) {
        const err = await call(m, SPEC[m].good, ev).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(Error);
        expect((err as Error).message).toMatch(new RegExp(`^\\[forbidden\\] forbidden: ${m} from `));
        n++;
      }
    }
    expect(calls).toEqual([]);
    expect(n).toBe(METHODS.length * forged.length);
  });

  it('refuses ≥ 1,000 generated bad payloads with a clear message and no call', async () => {
    const rand = prng(20240614);
    const { call, calls } = setup();
    let count = 0;
    for (let round = 0; round < 3; round++) {
      for (const m of METHODS) {
        for (const payload of badPayloads(m, rand)) {
          const err = await call(m, payload).then(
            () => null,
            (e: unknown) => e,
          );
          expect(err, `${m} accepted ${preview(payload)}`).toBeInstanceOf(Error);
          const msg = (err as Error).message;
          expect(msg).toMatch(new RegExp(`^\\[invalid\\] ${m}: \\S`));
          expect(msg.length).toBeLessThan(600);
          count++;
        }
      }
    }
    console.log(`ipc: ${count} bad payloads refused across ${METHODS.length} methods`);
    expect(count).toBeGreaterThanOrEqual(1000);
    expect(calls).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the field in the message', async () => {
    const { call } = setup();
    await expect(call('setWatched', { videoId: 'nope', watched: true })).rejects.toThrow('[invalid] setWatched: videoId: not a video id');
  });

  it('sends api errors across as "[code] message", never the original object', async () => {
    const { call } = setup((m) => {
      if (m === 'getLecture') throw new ApiError('getLecture: no lecture abcdefghijk', 'not-found');
      if (m === 'saveNote') throw new ApiError('the data file is read-only', 'readonly');
      throw Object.assign(new Error('disk full'), { secret: 'x' });
    });
    const errOf = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e as Error,
      );
    const nf = await errOf(call('getLecture', { videoId: 'abcdefghijk' }));
    expect(nf!.message).toBe('[not-found] getLecture: no lecture abcdefghijk');
    expect(nf!.constructor).toBe(Error);
    expect((await errOf(call('saveNote', SPEC.saveNote.good)))!.message).toBe('[readonly] the data file is read-only');
    const failed = await errOf(call('listNotes', {}));
    expect(failed!.message).toBe('[failed] listNotes: disk full');
    expect(failed).not.toHaveProperty('secret');
    // What the page gets back: the same ApiError, code and message, from Electron's wrapped message.
    const back = decodeIpcError(new Error("Error invoking remote method 'lc:getLecture': Error: " + nf!.message));
    expect(back).toBeInstanceOf(ApiError);
    expect(back).toMatchObject({ code: 'not-found', message: 'getLecture: no lecture abcdefghijk' });
    expect(decodeIpcError(new Error('[bogus] x'))).toMatchObject({ code: 'failed', message: '[bogus] x' });
  });
});

describe('preload bridge', () => {
  it('exposes exactly one function per contract method as window.api, and nothing else', async () => {
    await import('../../../electron/preload/index');
    expect(bridge.exposed.map(([k]) => k)).toEqual(['api', 'appEvents']);
    const api = bridge.exposed[0]![1] as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(METHODS);
    for (const m of METHODS) expect(typeof api[m]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('passes the flush-before-close request on without the event object, acknowledges, and reports the answer', async () => {
    await import('../../../electron/preload/index');
    const events = bridge.exposed[1]![1] as { onFlushRequest(cb: (...a: unknown[]) => Promise<boolean> | boolean): () => void };
    expect(Object.keys(events)).toEqual(['onFlushRequest']);
    const seen: unknown[][] = [];
    let answer = false;
    const off = events.onFlushRequest(async (...a) => {
      seen.push(a);
      return answer;
    });
    const fire = async () => {
      for (const l of bridge.listeners.get('lc:flush') ?? []) (l as (...a: unknown[]) => void)({ sender: 'ipc event' });
      await new Promise((r) => setTimeout(r, 0));
    };
    bridge.sent.length = 0;
    await fire();
    expect(seen).toEqual([[]]);
    // acknowledged at once, then the page's answer: stay open
    expect(bridge.sent).toEqual([['lc:flush-ack'], ['lc:flush-result', false]]);
    answer = true;
    await fire();
    expect(bridge.sent.slice(2)).toEqual([['lc:flush-ack'], ['lc:flush-result', true]]);
    off();
    expect(bridge.listeners.get('lc:flush')?.size).toBe(0);
  });

  it('invokes the prefixed channel with only the arguments, end to end through registerIpc', async () => {
    await import('../../../electron/preload/index');
    const api = bridge.exposed[0]![1] as Api;
    const { handlers, calls } = setup();
    bridge.invoke.mockImplementation((channel: string, args: unknown) => handlers.get(channel)!(APP_EVENT, structuredClone(args)));
    await expect(api.setWatched({ videoId: 'abcdefghijk', watched: false })).resolves.toEqual({ ok: 'setWatched' });
    expect(bridge.invoke).toHaveBeenLastCalledWith('lc:setWatched', { videoId: 'abcdefghijk', watched: false });
    expect(calls).toEqual([['setWatched', { videoId: 'abcdefghijk', watched: false }]]);
    await expect(api.getLecture({ videoId: 'bad' })).rejects.toThrow(/^\[invalid\] getLecture: videoId/);
    expect(calls).toHaveLength(1);
  });

  it('requires nothing at runtime but electron (a sandboxed preload cannot load zod or node modules)', () => {
    const runtimeImports = (file: string) => {
      const src = readFileSync(new URL(file, import.meta.url), 'utf8');
      expect(src).not.toMatch(/\brequire\(/);
      return [...src.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    };
    // The wire module (methods, channels, errors) is bundled into the preload; it must itself import nothing.
    expect(runtimeImports('../../../electron/preload/index.ts')).toEqual(['electron', '../shared/wire']);
    expect(runtimeImports('../../../electron/shared/wire.ts')).toEqual([]);
  });
});
