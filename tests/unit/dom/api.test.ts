// The loopback transport: a note saved while the page unloads must outlive the page, so
// saveNote goes with keepalive when its body fits keepalive's 64 KB limit.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEEPALIVE_MAX_BYTES, connect, httpApi } from '../../../renderer/src/lib/api';
import { ApiError, encodeHttpError, encodeIpcError } from '../../../electron/shared/wire';
import { locale } from '../../../renderer/src/lib/i18n/locale.svelte';
import type { Api } from '../../../electron/shared/contract';
import { nth } from '../helpers/nth';

const A = 'CB0a3aBwND8';

function stubFetch(reply: unknown = { result: { updatedAt: 1 } }, status = 200) {
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify(reply), { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe('httpApi', () => {
  it('posts to /api/<method> with the token, and saveNote with keepalive when small', async () => {
    const fetch = stubFetch();
    const api = httpApi('http://127.0.0.1:5000', 'tok');
    await expect(api.saveNote({ videoId: A, text: '自注意力 notes' })).resolves.toEqual({ updatedAt: 1 });
    const [url, init] = nth(fetch.mock.calls, 0);
    expect(url).toBe('http://127.0.0.1:5000/api/saveNote');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['x-lc-token']).toBe('tok');
    expect(JSON.parse(init.body as string)).toEqual({ videoId: A, text: '自注意力 notes' });
    expect(init.keepalive).toBe(true);
  });

  it('sends a note over the limit without keepalive, counting UTF-8 bytes, not characters', async () => {
    const fetch = stubFetch();
    const api = httpApi('', 't');
    // 25,000 CJK characters: under the limit in characters, about 75 KB in UTF-8.
    await api.saveNote({ videoId: A, text: '學'.repeat(25_000) });
    await api.saveNote({ videoId: A, text: 'a'.repeat(KEEPALIVE_MAX_BYTES) });
    // Just under the limit, body and all.
    const overhead = JSON.stringify({ videoId: A, text: '' }).length;
    await api.saveNote({ videoId: A, text: 'a'.repeat(KEEPALIVE_MAX_BYTES - overhead - 1) });
    expect(fetch.mock.calls.map(([, init]) => init.keepalive)).toEqual([false, false, true]);
  });

  it('uses keepalive only for saveNote', async () => {
    const fetch = stubFetch({ result: [] });
    await httpApi('', 't').listNotes({});
    expect(fetch.mock.calls[0]?.[1].keepalive).toBe(false);
  });

  it("turns the service's error into the ApiError it was, with its code", async () => {
    stubFetch({ error: 'nothing is saved', code: 'readonly' }, 409);
    const err = await httpApi('', 't')
      .saveNote({ videoId: A, text: 'x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ message: 'nothing is saved', code: 'readonly' });
  });
});

describe('connect() in Electron', () => {
  afterEach(() => {
    delete window.api;
  });

  it('turns the "[code] message" that main sends across IPC into an AppError with that code', async () => {
    const rejectWith = (message: string) => () => Promise.reject(new Error(message));
    window.api = {
      // What ipcRenderer.invoke rejects with: Electron puts its own prefix before main's message.
      getLecture: rejectWith("Error invoking remote method 'lc:getLecture': Error: [not-found] getLecture: no lecture abcdefghijk"),
      listNotes: rejectWith('disk full'),
    } as Partial<Api> as Api;
    const api = connect();
    const err = await api.getLecture({ videoId: 'abcdefghijk' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'not-found', message: 'getLecture: no lecture abcdefghijk' });
    await expect(api.listNotes({})).rejects.toMatchObject({ code: 'failed', message: 'disk full' });
  });
});

describe("the service's errors in the student's language", () => {
  afterEach(() => {
    delete window.api;
    locale.set('en');
  });
  // As the store throws it: English for logs, and the key with its parameters for the page.
  const thrown = new ApiError('There is no backup named b.json.', 'not-found', { key: 'backupMissing', params: { name: 'b.json' } });

  it('words an error that crossed the loopback transport in the UI language', async () => {
    const { status, body } = encodeHttpError(thrown);
    stubFetch(JSON.parse(body), status);
    locale.set('zh-TW');
    const err = await httpApi('', 't')
      .restoreBackup({ name: 'b.json' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'not-found', message: '沒有名為 b.json 的備份。', words: thrown.words });
  });

  it('words an error that crossed IPC, and keeps a plain message as it came', async () => {
    window.api = {
      restoreBackup: () => Promise.reject(new Error(`Error invoking remote method 'lc:restoreBackup': ${encodeIpcError(thrown).message}`)),
      // Words the page does not know are dropped: the English message shows instead.
      listBackups: () => Promise.reject(new Error(`[failed w=${encodeURIComponent('{"key":"nope"}')}] plain English`)),
    } as Partial<Api> as Api;
    const api = connect();
    await expect(api.restoreBackup({ name: 'b.json' })).rejects.toMatchObject({ message: 'There is no backup named b.json.' });
    locale.set('zh-TW');
    await expect(api.restoreBackup({ name: 'b.json' })).rejects.toMatchObject({ message: '沒有名為 b.json 的備份。' });
    await expect(api.listBackups({})).rejects.toMatchObject({ code: 'failed', message: 'plain English', words: undefined });
  });
});
