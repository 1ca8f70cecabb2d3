// Browser mode's first request: sent (and its answer read) when the page starts, before the
// app's code has loaded; the app's first getLibrary call takes that answer instead of asking
// again, and only that call does. Fresh modules per test: the request goes out at import.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, encodeHttpError } from '../../../electron/shared/wire';

const LIBRARY = { result: { courses: [] } };

function stubFetch() {
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify(LIBRARY), { status: 200 }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

beforeEach(() => vi.resetModules());
afterEach(() => {
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
  sessionStorage.clear();
  delete window.api;
});

describe('the first request', () => {
  it('goes out at once with the token, and the first getLibrary({ firstScreen }) takes its answer', async () => {
    history.replaceState(null, '', '/#token=tok123');
    const fetch = stubFetch();
    const { httpApi } = await import('../../../renderer/src/lib/api');
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`${location.origin}/api/getLibrary`);
    expect((init.headers as Record<string, string>)['x-lc-token']).toBe('tok123');
    expect(JSON.parse(init.body as string)).toEqual({ firstScreen: true });

    const api = httpApi(location.origin, 'tok123');
    await expect(api.getLibrary({ firstScreen: true })).resolves.toEqual(LIBRARY.result);
    expect(fetch).toHaveBeenCalledTimes(1); // taken, not asked again
    // Taken once: a second load (Try again) asks the service afresh, as does any other call.
    await api.getLibrary({ firstScreen: true });
    await api.getLibrary({});
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('is not sent without a token, nor in Electron, where the preload bridge answers', async () => {
    const fetch = stubFetch();
    await import('../../../renderer/src/lib/first-request');
    vi.resetModules();
    history.replaceState(null, '', '/#token=tok');
    window.api = {} as NonNullable<typeof window.api>;
    await import('../../../renderer/src/lib/first-request');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('hands a failed answer to the caller, who words it', async () => {
    history.replaceState(null, '', '/#token=tok');
    const refused = encodeHttpError(new ApiError('missing or wrong token', 'forbidden'));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(refused.body, { status: refused.status })),
    );
    const { httpApi } = await import('../../../renderer/src/lib/api');
    await expect(httpApi(location.origin, 'tok').getLibrary({ firstScreen: true })).rejects.toThrow(/token/);
  });
});
