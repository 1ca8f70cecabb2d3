import { mount } from 'svelte';
import App from './App.svelte';
import { mayCloseAfterFlush } from './lib/state/notes.svelte';
import { flushPlayers } from './lib/state/player.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });

// Electron: closing the window waits for the note being typed to reach disk; a note that
// could not be saved keeps the window open unless the student says to close anyway.
// The answer goes back to main, which closes the window (or quits) only on true. The player's
// last position goes first (a lost report costs seconds, so it never holds the window open).
window.appEvents?.onFlushRequest(async () => {
  await flushPlayers().catch(() => undefined);
  return mayCloseAfterFlush((question) => window.confirm(question));
});
