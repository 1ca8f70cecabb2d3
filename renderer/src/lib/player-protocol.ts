// The YouTube IFrame Player API's postMessage protocol, spoken directly: no YouTube script
// runs in this page. The page announces itself ("listening"), the player answers with
// onReady and then infoDelivery messages (currentTime, duration, playerState, playbackRate),
// and takes commands ({event: "command", func, args}). Plain functions, tested under Node.
import { EMBED_ORIGIN } from '../../../electron/shared/links';

/** YouTube's player states. */
export const PLAYER_STATE = { unstarted: -1, ended: 0, playing: 1, paused: 2, buffering: 3, cued: 5 } as const;

export type PlayerCommand = 'playVideo' | 'pauseVideo' | 'seekTo' | 'setPlaybackRate';

export interface PlayerInfo {
  currentTime?: number;
  duration?: number;
  playerState?: number;
  playbackRate?: number;
}

/**
 * `rate` is the student's change in YouTube's own menu (onPlaybackRateChange); infoDelivery's
 * playbackRate is only what the player plays at, which is 1 until our own setPlaybackRate lands.
 */
export type PlayerEvent =
  { kind: 'ready' } | { kind: 'info'; info: PlayerInfo } | { kind: 'rate'; rate: number } | { kind: 'error'; code: number };

/** A frame that loaded but never answered within this is blocked (or not YouTube's player). */
export const READY_WITHIN_MS = 15_000;

/** The widget channel's id for this page's one player. */
const ID = 1;

/** The page's greeting, sent after the frame loads until the player answers. */
export function listeningMessage(): string {
  return JSON.stringify({ event: 'listening', id: ID, channel: 'widget' });
}

export function commandMessage(func: PlayerCommand, args: unknown[] = []): string {
  return JSON.stringify({ event: 'command', func, args, id: ID, channel: 'widget' });
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The player's facts we use, each only when it is a finite number; anything else is dropped. */
function infoOf(raw: unknown): PlayerInfo {
  if (!raw || typeof raw !== 'object') return {};
  const r = raw as Record<string, unknown>;
  const out: PlayerInfo = {};
  const t = num(r.currentTime);
  const d = num(r.duration);
  const s = num(r.playerState);
  const p = num(r.playbackRate);
  if (t !== undefined && t >= 0) out.currentTime = t;
  if (d !== undefined && d >= 0) out.duration = d;
  if (s !== undefined) out.playerState = s;
  if (p !== undefined && p > 0) out.playbackRate = p;
  return out;
}

/**
 * A message event, as the player's, or null. Only a message from the embed origin AND from
 * this page's own player frame counts: another window (a second frame, an opened tab, this
 * page itself) can claim any origin string in its data, but not event.origin or event.source.
 */
export function decodePlayerMessage(e: { origin: string; source: unknown; data: unknown }, playerWindow: unknown): PlayerEvent | null {
  if (e.origin !== EMBED_ORIGIN || !playerWindow || e.source !== playerWindow) return null;
  let msg: unknown = e.data;
  if (typeof msg === 'string') {
    if (msg.length > 100_000) return null;
    try {
      msg = JSON.parse(msg);
    } catch {
      return null;
    }
  }
  if (!msg || typeof msg !== 'object') return null;
  const m = msg as { event?: unknown; info?: unknown };
  switch (m.event) {
    case 'onReady':
      return { kind: 'ready' };
    case 'initialDelivery':
    case 'infoDelivery':
      return { kind: 'info', info: infoOf(m.info) };
    case 'onStateChange':
      return num(m.info) === undefined ? null : { kind: 'info', info: { playerState: num(m.info)! } };
    case 'onPlaybackRateChange': {
      const rate = num(m.info);
      return rate === undefined || rate <= 0 ? null : { kind: 'rate', rate };
    }
    case 'onError':
      return { kind: 'error', code: num(m.info) ?? 0 };
    default:
      return null;
  }
}

/**
 * Seconds of video that really played between two reports: forward, and no more than the
 * wall-clock time allows at this speed (with slack), so a seek is never counted as watching.
 */
export function playedBetween(prevTime: number, nextTime: number, wallMs: number, rate: number): number {
  const delta = nextTime - prevTime;
  if (!(delta > 0)) return 0;
  const allowed = (wallMs / 1000) * rate * 1.5 + 0.5;
  return delta <= allowed ? delta : 0;
}

/** Which plain-words message a player error code gets (YouTube's documented codes). */
export function playerErrorKind(code: number): 'gone' | 'embed' | '153' | 'other' {
  if (code === 100) return 'gone';
  if (code === 101 || code === 150) return 'embed';
  if (code === 153) return '153';
  return 'other';
}
