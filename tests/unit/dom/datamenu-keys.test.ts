// Every Data menu action is at most 3 keys from the playlist, counted by pressing them: the
// whole App in jsdom, focus where it is on open, and only key presses (no click). Also the
// menu's own keys: arrows and Home/End move, Esc gives focus back to the menu's button.
// (The popover's light dismiss and top layer are Chromium's: tests/e2e/data.spec.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import App from '../../../renderer/src/App.svelte';
import { sampleApi, vid } from './fake-api';

afterEach(() => {
  cleanup();
  delete window.api;
});

/** Press `keys` one by one where focus is, and return how many were pressed. */
async function press(...keys: string[]): Promise<number> {
  for (const key of keys) await fireEvent.keyDown(document.activeElement ?? window, { key });
  return keys.length;
}

async function startOnPlaylist() {
  const fake = sampleApi();
  window.api = fake.api;
  render(App);
  const list = await screen.findByTestId('playlist');
  await waitFor(() => expect(document.activeElement).toBe(list));
  return { fake, list };
}

const menuButtons = () => within(screen.getByTestId('data-menu')).getAllByRole('button');

describe('Data menu by keyboard', () => {
  it('reaches every action in at most 3 keys from the playlist', async () => {
    const { fake, list } = await startOnPlaylist();
    // A lecture open, so "this lecture's notes" can run (Enter on the playlist's cursor).
    await press('Enter');
    await waitFor(() => expect(fake.api.getLecture).toHaveBeenCalled());
    const fileInput = () => screen.getByTestId('backup-file-input');

    await press('d');
    const actions = menuButtons().map((b) => ({
      name: b.querySelector('span')?.textContent ?? '',
      key: b.getAttribute('aria-keyshortcuts'),
    }));
    expect(actions).toHaveLength(6);
    await press('Escape');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('data-menu-toggle')));

    const effects: Record<string, () => void> = {
      "Export this lecture's notes": () =>
        expect(fake.api.exportNotes).toHaveBeenLastCalledWith({ scope: 'one', videoId: vid(2), layout: 'single' }),
      'Export all notes (one file)': () => expect(fake.api.exportNotes).toHaveBeenLastCalledWith({ scope: 'all', layout: 'single' }),
      'Export all notes (one file per lecture)': () =>
        expect(fake.api.exportNotes).toHaveBeenLastCalledWith({ scope: 'all', layout: 'perLecture' }),
      'Back up all data…': () => expect(fake.api.exportBackup).toHaveBeenCalled(),
      'Restore/merge from a backup file…': () => expect(clicks.length).toBeGreaterThan(0),
      'Restore from automatic backup…': () => expect(fake.api.listBackups).toHaveBeenCalled(),
    };
    const clicks: Event[] = [];
    for (const { name, key } of actions) {
      list.focus();
      expect(key, name).toMatch(/^[a-z]$/);
      let count = await press('d');
      fileInput().addEventListener('click', (e) => clicks.push(e));
      count += await press(key!);
      expect(count, name).toBeLessThanOrEqual(3);
      await waitFor(effects[name.trim()] ?? (() => expect.fail(`no effect known for "${name}"`)));
      // One data action at a time: the next one waits until this one has answered.
      await waitFor(() => expect(menuButtons()[1]).toBeEnabled());
      await press('Escape');
    }
  });

  it('moves between actions with the arrows, Home and End, and gives focus back on Esc', async () => {
    await startOnPlaylist();
    await press('d');
    const buttons = menuButtons().filter((b) => !b.hasAttribute('disabled'));
    await waitFor(() => expect(document.activeElement).toBe(buttons[0]));
    await press('ArrowDown');
    expect(document.activeElement).toBe(buttons[1]);
    await press('End');
    expect(document.activeElement).toBe(buttons.at(-1));
    await press('ArrowDown'); // wraps round
    expect(document.activeElement).toBe(buttons[0]);
    await press('ArrowUp');
    expect(document.activeElement).toBe(buttons.at(-1));
    await press('Home');
    expect(document.activeElement).toBe(buttons[0]);
    await press('Escape');
    expect(screen.queryByTestId('data-menu-result')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('data-menu-toggle'));
  });
});
