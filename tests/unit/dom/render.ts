// Components read the Api and the state instances from context (renderer/src/lib/context.ts);
// this is the one way the component tests give it to them.
import { render } from '@testing-library/svelte';
import type { Component } from 'svelte';
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
