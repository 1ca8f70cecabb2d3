// A timestamp in a note (a Preview link or a button under the editor): the player seeks when it
// shows that lecture, otherwise the video opens in the browser at that time. Call from a
// component's script (it reads the context); `onError` gets a message in the UI language.
import { useApi, usePlayer } from './context';
import { t } from './i18n/locale.svelte';

export function useSeekOrOpen(onError: (message: string) => void): (videoId: string, seconds: number) => void {
  const api = useApi();
  const player = usePlayer();
  return (videoId, seconds) => {
    if (player.seekHere(videoId, seconds)) return;
    api.openVideo({ videoId, seconds }).catch((err: unknown) => {
      onError(t('note.openVideoFailed', { error: err instanceof Error ? err.message : String(err) }));
    });
  };
}
