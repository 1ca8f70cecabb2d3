// The player's study rules, as plain functions both the service and the page use:
// when a lecture counts as watched, when the pane offers to resume, and the speed steps.

/**
 * A lecture is marked watched by the player once `share` of it has played. Never when
 * auto-marking is off (share null), when it is marked already, when the length is not
 * known yet, or when the student removed its mark: their unwatch sticks.
 */
export function autoMarkDue(p: {
  position: number;
  duration: number;
  share: number | null;
  watched: boolean;
  unwatchedByStudent: boolean;
}): boolean {
  if (p.share === null || p.watched || p.unwatchedByStudent) return false;
  if (!(p.duration > 0)) return false;
  return p.position >= p.share * p.duration;
}

/** Too near either end to be worth a "Resume at" offer, in seconds. */
const RESUME_MARGIN = 5;

/** The position to offer "Resume at" for, or null (never played, just begun, or finished). */
export function resumeOffer(p: { position: number; duration: number } | null | undefined): number | null {
  if (!p || p.position < RESUME_MARGIN) return null;
  if (p.duration > 0 && p.position > p.duration - RESUME_MARGIN * 3) return null;
  return Math.floor(p.position);
}

/** The speeds `<` and `>` step through: YouTube's own list. */
export const PLAYBACK_RATES = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** The next speed down (-1) or up (+1) from `rate`, staying within the list. */
export function stepRate(rate: number, direction: -1 | 1): number {
  const i = PLAYBACK_RATES.findIndex((r) => r >= rate - 1e-9);
  const at = i === -1 ? PLAYBACK_RATES.length - 1 : PLAYBACK_RATES[i] === rate ? i : direction > 0 ? i - 1 : i;
  const next = Math.min(PLAYBACK_RATES.length - 1, Math.max(0, at + direction));
  return PLAYBACK_RATES[next]!;
}
