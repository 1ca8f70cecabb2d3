// The app's one Api and one instance of each state class, provided by Svelte context from
// App.svelte, so components ask for what they use instead of having it passed down through
// every layer. One DataActions for the whole window is what makes "one data action at a
// time" true across the data menu and the recovery notice.
import { getContext, setContext } from 'svelte';
import type { Api } from '../../../electron/shared/contract';
import { DataActions } from './state/data.svelte';
import { CourseCorrections } from './state/corrections.svelte';
import { LibraryState } from './state/library.svelte';
import { PlayerState } from './state/player.svelte';
import { WatchMarks } from './state/marks.svelte';
import { SelectionState } from './state/selection.svelte';
import { Toasts } from './state/toasts.svelte';
import { UiState } from './state/ui.svelte';

export interface AppContext {
  api: Api;
  library: LibraryState;
  selection: SelectionState;
  marks: WatchMarks;
  corrections: CourseCorrections;
  toasts: Toasts;
  ui: UiState;
  data: DataActions;
  player: PlayerState;
}

const KEY = Symbol('lecture-companion');

/** Build the window's state around one Api. */
export function createApp(api: Api): AppContext {
  const toasts = new Toasts();
  const library = new LibraryState(api, toasts);
  const player = new PlayerState(api, (info) => library.watchedByPlayer(info));
  return {
    api,
    library,
    selection: new SelectionState(library),
    marks: new WatchMarks(library),
    corrections: new CourseCorrections(library),
    toasts,
    ui: new UiState(),
    data: new DataActions(api, (lib) => library.applyLibrary(lib)),
    player,
  };
}

/** The context map for `app`, as Svelte's `setContext` or testing-library's `render(..., { context })` takes it. */
export function appContext(app: AppContext): Map<symbol, AppContext> {
  return new Map([[KEY, app]]);
}

/** Call once, from the root component's script. */
export function provideApp(app: AppContext): AppContext {
  return setContext(KEY, app);
}

function useApp(): AppContext {
  const app = getContext<AppContext | undefined>(KEY);
  if (!app) throw new Error('No app context: render under App.svelte, or pass appContext(app) as the context');
  return app;
}

export const useApi = (): Api => useApp().api;
export const useLibrary = (): LibraryState => useApp().library;
export const useSelection = (): SelectionState => useApp().selection;
export const useMarks = (): WatchMarks => useApp().marks;
export const useCorrections = (): CourseCorrections => useApp().corrections;
export const useToasts = (): Toasts => useApp().toasts;
export const useUi = (): UiState => useApp().ui;
export const useDataActions = (): DataActions => useApp().data;
export const usePlayer = (): PlayerState => useApp().player;
