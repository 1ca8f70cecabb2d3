// Clicks on links inside rendered Markdown (summaries and notes), for click and auxclick alike:
// a timestamp opens its video at that second; any other link, and a middle or modified click on
// a timestamp, goes through the one link filter; nothing ever navigates the app's window.
import { openExternal } from './browser-host';
import { t } from './i18n/locale.svelte';

export interface LinkActions {
  timestamp(videoId: string, seconds: number): void;
  /** A link the filter refused: say so instead of doing nothing. */
  blocked(href: string): void;
}

export function handleRenderedLink(e: MouseEvent, actions: LinkActions): void {
  // The secondary button opens the context menu; leave it alone.
  if (e.type === 'auxclick' && e.button !== 1) return;
  const a = (e.target as Element | null)?.closest?.('a');
  if (!a) return;
  e.preventDefault();
  const id = a.dataset.videoId;
  const seconds = a.dataset.seconds;
  const plain = e.type === 'click' && !e.ctrlKey && !e.metaKey && !e.shiftKey;
  if (plain && id && seconds !== undefined && /^\d+$/.test(seconds)) return actions.timestamp(id, Number(seconds));
  const href = a.getAttribute('href') ?? '';
  if (!openExternal(href)) actions.blocked(href);
}

/** The refusal in plain words, naming the host so the student can judge the link. */
export function blockedMessage(href: string): string {
  let host = '';
  try {
    host = new URL(href).host;
  } catch {
    /* not a URL: no host to name */
  }
  return host ? t('links.blockedTo', { host }) : t('links.blocked');
}
