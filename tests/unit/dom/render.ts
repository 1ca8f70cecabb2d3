// Components read the Api and the state instances from context (renderer/src/lib/context.ts);
// this is the one way the component tests give it to them.
import { cleanup, render } from '@testing-library/svelte';
import { tick, type Component } from 'svelte';
import { afterEach, beforeEach, vi } from 'vitest';
import type { Api } from '../../../electron/shared/contract';
import { appContext, createApp, type AppContext } from '../../../renderer/src/lib/context';
import { emptyApi } from './fake-api';

/** The window's state around `api`, as App.svelte builds it. */
export function testApp(api: Api = emptyApi()): AppContext {
  return createApp(api);
}

/** Render `component` with `props`, under `app`'s context. */
export function renderIn<P extends Record<string, unknown>, X extends Record<string, unknown>, B extends (keyof P & string) | ''>(
  app: AppContext,
  component: Component<P, X, B>,
  props: P,
) {
  // The generic props cannot be matched to testing-library's conditional type; the call sites are checked against P.
  const options = { props, context: appContext(app) } as unknown as Parameters<typeof render<Component<P, X, B>>>[1];
  return render(component, options);
}

type Timer = 'setTimeout' | 'clearTimeout' | 'setInterval' | 'clearInterval';

/** Each test of the file runs on fake `timers` (the rest stay real), and unmounts what it rendered. */
export function fakeTimersEachTest(timers: Timer[]): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: timers });
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });
}

/** Let timers up to `ms` fire and every resulting promise and DOM update settle. */
export async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await tick();
}
