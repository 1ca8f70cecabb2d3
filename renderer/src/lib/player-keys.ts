// The player's single keys (YouTube's own: k or Space, j / l, < / >, f; listed in keys.ts), for
// when the student is not typing and the playlist does not have the key (it handles j, k and Space first).
import type { PlayerState } from './state/player.svelte';
import { playerActionFor, type PlayerAction } from './keys';

/** Space on a button, link or checkbox presses it: the player does not take it from them. */
function spaceBelongsTo(t: EventTarget | null): boolean {
  return (
    t instanceof HTMLElement &&
    !!t.closest('button, a[href], input, select, summary, [role="button"], [role="checkbox"], [role="option"], [role="switch"]')
  );
}

/** Do what `e` asks of the player; true when it was a player key (the caller prevents the default). */
export function handlePlayerKey(e: KeyboardEvent, player: PlayerState): boolean {
  if (!player.available) return false;
  const action = playerActionFor(e.key);
  if (action === null || (e.key === ' ' && spaceBelongsTo(e.target))) return false;
  run[action](player);
  return true;
}

const run: Record<PlayerAction, (p: PlayerState) => void> = {
  toggle: (p) => p.toggle(),
  back: (p) => p.seekBy(-10),
  forward: (p) => p.seekBy(10),
  slower: (p) => p.stepRate(-1),
  faster: (p) => p.stepRate(1),
  fullscreen: (p) => p.fullscreen(),
};
