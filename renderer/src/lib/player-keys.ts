// The player's single keys (YouTube's own: k or Space, j / l, < / >, f), for when the student
// is not typing and the playlist does not have the key (it handles j, k and Space itself, first).
import type { PlayerState } from './state/player.svelte';

/** Space on a button, link or checkbox presses it: the player does not take it from them. */
function spaceBelongsTo(t: EventTarget | null): boolean {
  return t instanceof HTMLElement && !!t.closest('button, a[href], input, select, summary, [role="button"], [role="checkbox"], [role="option"], [role="switch"]');
}

/** Do what `e` asks of the player; true when it was a player key (the caller prevents the default). */
export function handlePlayerKey(e: KeyboardEvent, player: PlayerState): boolean {
  if (!player.available) return false;
  switch (e.key) {
    case ' ':
      if (spaceBelongsTo(e.target)) return false;
      player.toggle();
      return true;
    case 'k':
      player.toggle();
      return true;
    case 'j':
      player.seekBy(-10);
      return true;
    case 'l':
      player.seekBy(10);
      return true;
    case '<':
      player.stepRate(-1);
      return true;
    case '>':
      player.stepRate(1);
      return true;
    case 'f':
      player.fullscreen();
      return true;
    default:
      return false;
  }
}
