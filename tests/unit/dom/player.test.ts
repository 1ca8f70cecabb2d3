// The player's protocol and state as plain code: only the player's own frame, from the embed
// origin, is heard; commands go out in the IFrame API's shape; reports carry the position and
// the seconds really played (never a seek); keys map to YouTube's.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMBED_ORIGIN } from '../../../electron/shared/links';
import { commandMessage, decodePlayerMessage, listeningMessage, playedBetween } from '../../../renderer/src/lib/player-protocol';
import { PlayerState } from '../../../renderer/src/lib/state/player.svelte';
import { READY_WITHIN_MS } from '../../../renderer/src/lib/player-protocol';
import { handlePlayerKey } from '../../../renderer/src/lib/player-keys';
import { emptyApi } from './fake-api';

const A = 'CB0a3aBwND8';

describe('decodePlayerMessage', () => {
  const player = {};
  const from = (data: unknown, origin = EMBED_ORIGIN, source: unknown = player) => decodePlayerMessage({ origin, source, data }, player);

  it('reads ready, info, state, rate and error messages of the player frame', () => {
    expect(from(JSON.stringify({ event: 'onReady', id: 1 }))).toEqual({ kind: 'ready' });
    expect(
      from(
        JSON.stringify({
          event: 'infoDelivery',
          info: { currentTime: 12.5, duration: 3000, playerState: 1, playbackRate: 1.5, volume: 100 },
        }),
      ),
    ).toEqual({
      kind: 'info',
      info: { currentTime: 12.5, duration: 3000, playerState: 1, playbackRate: 1.5 },
    });
    expect(from({ event: 'onStateChange', info: 2 })).toEqual({ kind: 'info', info: { playerState: 2 } });
    expect(from({ event: 'onPlaybackRateChange', info: 1.25 })).toEqual({ kind: 'rate', rate: 1.25 });
    expect(from({ event: 'onPlaybackRateChange', info: 0 })).toBeNull();
    expect(from(JSON.stringify({ event: 'onError', info: 150 }))).toEqual({ kind: 'error', code: 150 });
    expect(from(JSON.stringify({ event: 'infoDelivery', info: { currentTime: 'x', duration: -4, playbackRate: 0 } }))).toEqual({
      kind: 'info',
      info: {},
    });
  });

  it('ignores any other origin, any other window, and anything that is not a player message', () => {
    const msg = JSON.stringify({ event: 'onReady' });
    expect(from(msg, 'https://www.youtube.com')).toBeNull();
    expect(from(msg, 'https://evil.example')).toBeNull();
    expect(from(msg, EMBED_ORIGIN, {})).toBeNull();
    expect(from(msg, EMBED_ORIGIN, null)).toBeNull();
    expect(decodePlayerMessage({ origin: EMBED_ORIGIN, source: null, data: msg }, null)).toBeNull();
    for (const junk of ['{', 'null', '42', JSON.stringify({ event: 'command', func: 'x' }), 'x'.repeat(200_000)])
      expect(from(junk), junk.slice(0, 20)).toBeNull();
  });

  it('writes the greeting and commands in the widget protocol', () => {
    expect(JSON.parse(listeningMessage())).toEqual({ event: 'listening', id: 1, channel: 'widget' });
    expect(JSON.parse(commandMessage('seekTo', [754, true]))).toEqual({
      event: 'command',
      func: 'seekTo',
      args: [754, true],
      id: 1,
      channel: 'widget',
    });
  });

  it('counts forward play within what the clock allows, never a seek', () => {
    expect(playedBetween(10, 11, 1000, 1)).toBe(1);
    expect(playedBetween(10, 12, 1000, 2)).toBe(2);
    expect(playedBetween(10, 700, 1000, 1)).toBe(0);
    expect(playedBetween(10, 5, 1000, 1)).toBe(0);
  });
});

describe('PlayerState', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] }));
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  function setup() {
    const api = emptyApi({ savePlayback: async ({ videoId }) => ({ videoId, watched: true }) as never });
    const onLecture = vi.fn();
    const player = new PlayerState(api, onLecture);
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const win = frame.contentWindow!;
    const sent: unknown[] = [];
    vi.spyOn(win, 'postMessage').mockImplementation((m: unknown) => void sent.push(JSON.parse(String(m))));
    const say = (data: unknown, source: unknown = win, origin = EMBED_ORIGIN) =>
      player.onMessage(new MessageEvent('message', { data: JSON.stringify(data), origin, source: source as Window }));
    player.open(A, { position: 754, duration: 3000 });
    player.attach(frame);
    player.frameLoaded();
    return { api, player, sent, say, onLecture };
  }

  it('greets until ready, offers the resume, applies the speed, seeks and reports', async () => {
    const { api, player, sent, say, onLecture } = setup();
    expect(player.resumeAt).toBe(754);
    expect(sent).toEqual([{ event: 'listening', id: 1, channel: 'widget' }]);
    player.initRate(1.5);
    say({ event: 'onReady' });
    expect(player.available).toBe(true);
    expect(sent.at(-1)).toMatchObject({ func: 'setPlaybackRate', args: [1.5] });
    player.seek(754);
    expect(sent.slice(-2)).toMatchObject([{ func: 'seekTo', args: [754, true] }, { func: 'playVideo' }]);
    say({ event: 'infoDelivery', info: { currentTime: 754, duration: 3000, playerState: 1 } });
    expect(player.resumeAt).toBeNull();
    vi.advanceTimersByTime(1000);
    say({ event: 'infoDelivery', info: { currentTime: 755.5 } });
    vi.advanceTimersByTime(5000); // the periodic report
    await vi.waitFor(() => expect(api.callsTo('savePlayback')).toEqual([{ videoId: A, position: 755.5, duration: 3000, played: 1.5 }]));
    await vi.waitFor(() => expect(onLecture).toHaveBeenCalledWith({ videoId: A, watched: true }));
    // Paused: reported at once; nothing new, nothing sent.
    say({ event: 'infoDelivery', info: { currentTime: 760, playerState: 2 } });
    await vi.waitFor(() => expect(api.callsTo('savePlayback')).toHaveLength(2));
    await player.report();
    expect(api.callsTo('savePlayback')).toHaveLength(2);
  });

  it("remembers a speed chosen in YouTube's own menu, but not the player's plain reports of its speed", async () => {
    const { api, player, say } = setup();
    player.initRate(1.5);
    say({ event: 'onReady' });
    // Before our setPlaybackRate lands the player still plays at 1: that is no choice of the student's.
    say({ event: 'infoDelivery', info: { playbackRate: 1 } });
    say({ event: 'onPlaybackRateChange', info: 1.5 }); // the echo of our own command
    expect(api.callsTo('setPrefs')).toEqual([]);
    say({ event: 'onPlaybackRateChange', info: 1.75 });
    expect(player.rate).toBe(1.75);
    await vi.waitFor(() => expect(api.callsTo('setPrefs')).toEqual([{ playbackRate: 1.75 }]));
    say({ event: 'onPlaybackRateChange', info: 'fast' });
    say({ event: 'onPlaybackRateChange', info: 16 });
    expect(player.rate).toBe(1.75);
    expect(api.callsTo('setPrefs')).toHaveLength(1);
  });

  it('hears nothing from another window or origin', () => {
    const { player, say } = setup();
    say({ event: 'onReady' }, window);
    say({ event: 'onReady' }, document.createElement('iframe'));
    say({ event: 'onReady' }, undefined, 'https://www.youtube.com');
    expect(player.status).toBe('loading');
    say({ event: 'onReady' });
    say({ event: 'infoDelivery', info: { currentTime: 999 } }, window);
    expect(player.currentTime).toBe(754);
  });

  it('says blocked when the frame never answers, and offline when the browser is', () => {
    const { player } = setup();
    vi.advanceTimersByTime(READY_WITHIN_MS + 1);
    expect(player.status).toBe('blocked');
    player.retry();
    expect(player.status).toBe('loading');
    player.wentOffline();
    expect(player.status).toBe('offline');
  });

  it('maps YouTube keys, and leaves Space to a focused button', () => {
    const { player, say, sent } = setup();
    const key = (k: string, target: EventTarget = document.body) => {
      const e = new KeyboardEvent('keydown', { key: k });
      Object.defineProperty(e, 'target', { value: target });
      return handlePlayerKey(e, player);
    };
    expect(key('k')).toBe(false); // not ready yet
    say({ event: 'onReady' });
    say({ event: 'infoDelivery', info: { currentTime: 100, duration: 3000, playerState: 2 } });
    expect(key('k')).toBe(true);
    expect(sent.at(-1)).toMatchObject({ func: 'playVideo' });
    expect(key('j')).toBe(true);
    expect(sent.at(-1)).toMatchObject({ func: 'seekTo', args: [90, true] });
    expect(key('>')).toBe(true);
    expect(player.rate).toBe(1.25);
    expect(key(' ', document.createElement('button'))).toBe(false);
    expect(key('x')).toBe(false);
  });
});
