// Saving preferences from the page: the service answers with the prefs (and the courses, when
// their order changed) to apply; a failure is told as a toast, and the page keeps what it had.
import type { Prefs } from '../../../electron/shared/contract';
import { useApi, useLibrary, useToasts, type AppContext } from './context';
import { t } from './i18n/locale.svelte';

export async function savePrefs(app: Pick<AppContext, 'api' | 'library' | 'toasts'>, change: Partial<Prefs>): Promise<void> {
  try {
    app.library.applyPrefs(await app.api.setPrefs(change));
  } catch (e) {
    app.toasts.error(e, t('lib.prefsFailed'));
  }
}

/** `savePrefs` for a component under App.svelte's context (call from the component's script). */
export function usePrefsSaver(): (change: Partial<Prefs>) => Promise<void> {
  const app = { api: useApi(), library: useLibrary(), toasts: useToasts() };
  return (change) => savePrefs(app, change);
}

/** Fold or unfold the lecture pane's player; remembered for every lecture. */
export function togglePlayerFold(app: Pick<AppContext, 'api' | 'library' | 'toasts'>): Promise<void> {
  return savePrefs(app, { playerFolded: !app.library.prefs?.playerFolded });
}
