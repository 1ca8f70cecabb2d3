// The loopback transport: 127.0.0.1 only, the per-run token, the Host check, payload
// validation before the service, and no path out of the renderer folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { createWebServer } from '../../../electron/main/web';
import { NotJson, OFF_THREAD_BODY, parseBody } from '../../../electron/main/web-body';
import { asApi, type Service } from '../../../electron/main/service';
import { openService, tempDir } from '../helpers/service';
import { turnCounter } from '../helpers/turns';

let service: Service;
let origin: string;
let close: () => void;
const TOKEN = 'test-token-0123456789abcdef';

beforeAll(async () => {
  ({ service } = await openService(tempDir()));
  const web = createWebServer(asApi(service), TOKEN);
  origin = await web.listen(0);
  close = () => web.server.close();
});
afterAll(async () => {
  close();
  await service.close();
});

function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((ok, fail) => {
    const u = new URL(origin);
    const req = request(
      { host: '127.0.0.1', port: u.port, path, method: opts.method ?? 'GET', headers: opts.headers, agent: false },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => ok({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on('error', fail);
    req.end(opts.body);
  });
}

const call = (method: string, payload: unknown, token = TOKEN) =>
  raw(`/api/${method}`, {
    method: 'POST',
    headers: { 'x-lc-token': token, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });

describe('loopback server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers contract calls with the token', async () => {
    const r = await call('getLibrary', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).result.courses.length).toBeGreaterThan(3);
  });

  it('refuses calls without the token, or with another', async () => {
    const before = JSON.stringify(service.store.data);
    for (const t of ['', 'wrong', TOKEN.slice(1) + 'x']) {
      const r = await call('setWatched', { videoId: 'CB0a3aBwND8', watched: true }, t);
      expect(r.status).toBe(403);
    }
    expect(JSON.stringify(service.store.data)).toBe(before);
  });

  it('refuses another Host (DNS rebinding) and another Origin', async () => {
    const host = await raw('/api/getLibrary', { method: 'POST', headers: { host: 'evil.example', 'x-lc-token': TOKEN }, body: '{}' });
    expect(host.status).toBe(421);
    const orig = await raw('/api/getLibrary', {
      method: 'POST',
      headers: { origin: 'http://localhost:1234', 'x-lc-token': TOKEN },
      body: '{}',
    });
    expect(orig.status).toBe(403);
  });

  it('validates payloads with a clear message and changes nothing', async () => {
    const before = JSON.stringify(service.store.data);
    const bad = await call('setWatched', { videoId: 'x', watched: 'yes' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatch(/setWatched: videoId/);
    const unknown = await call('setWatched', { videoId: 'AAAAAAAAAAA', watched: true });
    expect(unknown.status).toBe(404);
    const notJson = await raw('/api/getLibrary', { method: 'POST', headers: { 'x-lc-token': TOKEN }, body: '{' });
    expect(notJson.status).toBe(400);
    const noMethod = await call('constructor', {});
    expect(noMethod.status).toBe(400);
    expect(JSON.stringify(service.store.data)).toBe(before);
  });

  it('refuses paths that climb out of the renderer folder', async () => {
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/../../package.json']) {
      const r = await raw(p);
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('lecture-companion');
    }
  });

  it('serves the page with the Content-Security-Policy', async () => {
    const r = await raw('/');
    expect(r.status).toBe(200);
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain(origin);
  });

  it('answers openVideo with the URL it built, for the page to open', async () => {
    const r = await call('openVideo', { videoId: 'CB0a3aBwND8', seconds: 754 });
    expect(JSON.parse(r.body).result.url).toBe('https://www.youtube.com/watch?v=CB0a3aBwND8&t=754s');
  });

  it('refuses a token of the right length with a non-ASCII character with 403, not a 500', async () => {
    const r = await call('getLibrary', {}, 'é' + TOKEN.slice(1));
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toEqual({ error: 'missing or wrong token', code: 'forbidden' });
  });

  it('answers a body over the limit with 413 and changes nothing', async () => {
    const before = JSON.stringify(service.store.data);
    const huge = JSON.stringify({ content: 'x'.repeat(71 * 1024 * 1024) });
    const r = await raw('/api/importBackup', {
      method: 'POST',
      headers: { 'x-lc-token': TOKEN, 'content-type': 'application/json' },
      body: huge,
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error).toBe('The request is too large');
    expect(JSON.stringify(service.store.data)).toBe(before);
  });

  it('parses a large body off the main thread: the event loop turns meanwhile, and the value arrives whole', async () => {
    const value = { content: JSON.stringify({ schemaVersion: 3, note: '大型匯入 big import ✓ '.repeat(100_000) }) };
    const body = Buffer.from(JSON.stringify(value));
    const bad = Buffer.from(JSON.stringify(value) + '}');
    expect(body.length).toBeGreaterThan(OFF_THREAD_BODY);
    const turns = turnCounter();
    const parsed = await parseBody(body);
    // JSON.parse on this thread would have finished before the first turn.
    expect(turns.stop()).toBeGreaterThan(0);
    expect(parsed).toEqual(value);
    await expect(parseBody(bad)).rejects.toBeInstanceOf(NotJson);
  });

  it('imports a large backup sent as one body, and answers a malformed large body with invalid', async () => {
    const videoId = (await service.getLibrary()).lectures.ids[0]!;
    const text = '第一講 notes ✓ '.repeat(120_000);
    const backup = JSON.stringify({
      schemaVersion: 2,
      watched: {},
      notes: { [videoId]: { text, updatedAt: 1 } },
      corrections: { moves: {}, titles: {} },
      prefs: { uploadOrder: false, newestFirst: false, lastVideoId: null, lastCourseId: null },
      window: null,
    });
    const ok = await call('importBackup', { content: backup });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).result.added).toBe(1);
    expect(service.store.data.notes[videoId]?.text).toBe(text);
    const bad = await raw('/api/importBackup', {
      method: 'POST',
      headers: { 'x-lc-token': TOKEN, 'content-type': 'application/json' },
      body: JSON.stringify({ content: backup }).slice(0, -1),
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({ error: 'the request body is not JSON', code: 'invalid' });
  });

  it('forbids framing on every response: page, API, errors and 404s', async () => {
    const responses = [await raw('/'), await call('getLibrary', {}), await call('getLibrary', {}, 'wrong'), await raw('/nope.js')];
    for (const r of responses) {
      expect(String(r.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
      expect(r.headers['x-frame-options']).toBe('DENY');
    }
  });
});
