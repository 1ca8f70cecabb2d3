// The in-app player for the open lecture: talks to the embed frame over the postMessage
// protocol (player-protocol.ts), reports the position and the seconds played to the service
// every few seconds while playing and on pause, lecture switch and leaving, remembers the
// speed, and says plainly when the player cannot load. One instance, provided by context.
import type { Api, LectureInfo, PlaybackInfo } from '../../../../electron/shared/contract';
import { resumeOffer, stepRate } from '../../../../electron/shared/playback';
import {
  commandMessage,
  decodePlayerMessage,
  listeningMessage,
  PLAYER_STATE,
  playedBetween,
  READY_WITHIN_MS,
  type PlayerCommand,
  type PlayerInfo,
} from '../player-protocol';
import { EMBED_ORIGIN } from '../../../../electron/shared/links';

export type PlayerStatus = 'loading' | 'ready' | 'offline' | 'blocked' | 'error';

/** How often the position is saved while playing. */
export const REPORT_EVERY_MS = 5_000;
/** The greeting is repeated until the player answers: it may load its script after the frame's load event. */
const GREET_EVERY_MS = 500;

/** Every player that may hold an unsent position, so leaving the page can send them all. */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a registry for flushing, never rendered
const live = new Set<PlayerState>();

export class PlayerState {
  videoId = $state<string | null>(null);
  status = $state<PlayerStatus>('loading');
  errorCode = $state<number | null>(null);
  currentTime = $state(0);
  duration = $state(0);
  playerState = $state<number>(PLAYER_STATE.unstarted);
  /** The speed the student chose; kept across lectures and, through the prefs, restarts. */
  rate = $state(1);
  /** "Resume at" offer for the open lecture, in seconds; null once chosen or when there is none. */
  resumeAt = $state<number | null>(null);
  /** Bumped by "Try again": the pane renders a fresh frame for each attempt. */
  attempt = $state(0);

  #frame: HTMLIFrameElement | null = null;
  #greet: ReturnType<typeof setInterval> | null = null;
  #readyTimer: ReturnType<typeof setTimeout> | null = null;
  #reportTimer: ReturnType<typeof setInterval> | null = null;
  /** Seconds played since the last report, and the last time/when it was seen. */
  #played = 0;
  #lastTime: number | null = null;
  #lastAt = 0;
  /** The position last sent, so an idle player sends nothing. */
  #sentPosition = -1;
  #rateFromPrefs = false;

  constructor(
    private readonly api: Api,
    /** A report's answer: the lecture, marked watched when enough of it played. */
    private readonly onLecture: (info: LectureInfo) => void,
  ) {
    live.add(this);
  }

  get playing(): boolean {
    return this.playerState === PLAYER_STATE.playing || this.playerState === PLAYER_STATE.buffering;
  }

  /** The player answers commands: a timestamp seeks it instead of opening the browser. */
  get available(): boolean {
    return this.status === 'ready';
  }

  /** The speed from the prefs, taken once (later changes are the student's, made here). */
  initRate(rate: number | undefined): void {
    if (this.#rateFromPrefs || rate === undefined) return;
    this.#rateFromPrefs = true;
    this.rate = rate;
  }

  /** Show `videoId`: the previous lecture's position is sent first. */
  open(videoId: string, playback: PlaybackInfo | null | undefined): void {
    if (this.videoId === videoId) return;
    void this.report();
    this.#stopTimers();
    this.videoId = videoId;
    this.status = typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'loading';
    this.errorCode = null;
    this.currentTime = playback?.position ?? 0;
    this.duration = playback?.duration ?? 0;
    this.playerState = PLAYER_STATE.unstarted;
    this.resumeAt = resumeOffer(playback);
    this.#played = 0;
    this.#lastTime = null;
    this.#sentPosition = playback?.position ?? -1;
  }

  /** The pane shows `frame` for the open lecture; the returned function lets go of it. */
  attach(frame: HTMLIFrameElement): () => void {
    this.#frame = frame;
    return () => {
      if (this.#frame !== frame) return; // a newer frame has taken over already
      this.#frame = null;
      this.#stopTimers();
    };
  }

  /** The frame's load event: greet the player until it answers, and give it a while to. */
  frameLoaded(): void {
    if (!this.#frame || this.status === 'offline') return;
    this.#stopTimers();
    const greet = () => this.#post(listeningMessage());
    greet();
    this.#greet = setInterval(greet, GREET_EVERY_MS);
    this.#readyTimer = setTimeout(() => {
      this.#readyTimer = null;
      if (this.status === 'loading') {
        this.status = 'blocked';
        this.#stopTimers();
      }
    }, READY_WITHIN_MS);
  }

  /** Try again after offline or blocked: the pane renders a fresh frame. */
  retry(): void {
    const id = this.videoId;
    if (!id) return;
    this.#stopTimers();
    this.status = navigator.onLine === false ? 'offline' : 'loading';
    this.attempt++;
  }

  wentOffline(): void {
    if (this.status === 'loading' || this.status === 'blocked') {
      this.#stopTimers();
      this.status = 'offline';
    }
  }

  wentOnline(): void {
    if (this.status === 'offline' || this.status === 'blocked') this.retry();
  }

  /** window 'message': only this page's player frame, from the embed origin, is heard. */
  onMessage(e: MessageEvent): void {
    const event = decodePlayerMessage(e, this.#frame?.contentWindow ?? null);
    if (!event) return;
    if (event.kind === 'ready') return this.#ready();
    if (event.kind === 'rate') return this.#keepRate(event.rate);
    if (event.kind === 'error') {
      this.errorCode = event.code;
      this.status = 'error';
      this.#stopTimers();
      return;
    }
    this.#info(event.info);
  }

  #ready(): void {
    if (this.status === 'ready') return;
    this.status = 'ready';
    if (this.#greet) clearInterval(this.#greet);
    if (this.#readyTimer) clearTimeout(this.#readyTimer);
    this.#greet = this.#readyTimer = null;
    if (this.rate !== 1) this.#command('setPlaybackRate', [this.rate]);
    this.#reportTimer = setInterval(() => {
      if (this.playing) void this.report();
    }, REPORT_EVERY_MS);
  }

  #info(info: PlayerInfo): void {
    // Some players send infoDelivery before onReady: being heard at all means it is there.
    if (this.status === 'loading') this.#ready();
    const now = Date.now();
    if (info.currentTime !== undefined) {
      if (this.#lastTime !== null && this.playing)
        this.#played += playedBetween(this.#lastTime, info.currentTime, now - this.#lastAt, this.rate);
      this.#lastTime = info.currentTime;
      this.#lastAt = now;
      this.currentTime = info.currentTime;
    }
    if (info.duration !== undefined && info.duration > 0) this.duration = info.duration;
    if (info.playerState !== undefined && info.playerState !== this.playerState) {
      const wasPlaying = this.playing;
      this.playerState = info.playerState;
      if (this.playing) this.resumeAt = null;
      // Paused or ended: where the student stopped is worth saving now.
      if (wasPlaying && !this.playing) void this.report();
    }
  }

  #post(message: string): void {
    this.#frame?.contentWindow?.postMessage(message, EMBED_ORIGIN);
  }

  #command(func: PlayerCommand, args: unknown[] = []): void {
    this.#post(commandMessage(func, args));
  }

  play(): void {
    this.resumeAt = null;
    this.#command('playVideo');
  }

  pause(): void {
    this.#command('pauseVideo');
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /**
   * A timestamp was clicked: seek this player when it shows that lecture and answers; false
   * when it cannot (the caller opens the browser instead).
   */
  seekHere(videoId: string, seconds: number): boolean {
    if (!this.available || this.videoId !== videoId) return false;
    this.seek(seconds);
    return true;
  }

  /** Jump to `seconds` and play from there. */
  seek(seconds: number, play = true): void {
    const max = this.duration > 0 ? this.duration : Infinity;
    const to = Math.max(0, Math.min(max, seconds));
    this.#command('seekTo', [to, true]);
    this.currentTime = to;
    this.#lastTime = null; // a jump is not watching
    if (play) this.play();
  }

  seekBy(delta: number): void {
    this.seek(this.currentTime + delta, this.playing);
  }

  /** Slower (-1) or faster (+1); the new speed is remembered for every lecture. */
  stepRate(direction: -1 | 1): void {
    const next = stepRate(this.rate, direction);
    if (next === this.rate) return;
    this.#command('setPlaybackRate', [next]);
    this.#keepRate(next);
  }

  /** A new speed, from our control or YouTube's own menu: shown, and remembered for every lecture. */
  #keepRate(next: number): void {
    // The prefs hold 0.25..2 (YouTube's menu has no more); the echo of our own command is no change.
    if (next === this.rate || next < 0.25 || next > 2) return;
    this.rate = next;
    this.api.setPrefs({ playbackRate: next }).catch(() => undefined);
  }

  fullscreen(): void {
    void this.#frame?.requestFullscreen?.().catch(() => undefined);
  }

  /** Send where the lecture is, and what played since the last report. */
  async report(): Promise<void> {
    const videoId = this.videoId;
    if (!videoId || this.status !== 'ready') return;
    const position = Math.round(this.currentTime * 100) / 100;
    const played = Math.round(this.#played * 100) / 100;
    if (position === this.#sentPosition && played === 0) return;
    this.#sentPosition = position;
    this.#played = 0;
    try {
      const info = await this.api.savePlayback({ videoId, position, duration: this.duration, played: Math.min(played, 3600) });
      this.onLecture(info);
    } catch {
      // A refused report (read-only data, a full disk) loses a few seconds of history, no more;
      // the next report carries the position again.
      this.#sentPosition = -1;
    }
  }

  #stopTimers(): void {
    if (this.#greet) clearInterval(this.#greet);
    if (this.#readyTimer) clearTimeout(this.#readyTimer);
    if (this.#reportTimer) clearInterval(this.#reportTimer);
    this.#greet = this.#readyTimer = this.#reportTimer = null;
  }
}

/** Leaving the page or closing the window: send every player's last position. */
export async function flushPlayers(): Promise<void> {
  await Promise.all([...live].map((p) => p.report()));
}
