import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { flushAllNotes } from './lib/state/notes.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });

// Electron: closing the window waits for the note being typed to reach disk.
window.appEvents?.onFlushRequest(() => {
  void flushAllNotes().finally(() => window.close());
});
