// The one key table: no key does two things in one place, every action a handler knows is
// bound, and the first language follows the browser's preferences.
import { describe, expect, it } from 'vitest';
import { appActionFor, BINDINGS, firstKeyFor, keyLabel, listActionFor } from '../../../renderer/src/lib/keys';
import { detectLanguage } from '../../../electron/shared/prefs';

describe('key table', () => {
  it('binds no key twice within a place (the app shell and the list share the window)', () => {
    const seen = new Map<string, string>();
    for (const b of BINDINGS) {
      const place = b.group === 'app' || b.group === 'list' ? 'window' : b.group;
      for (const chord of b.keys) {
        const id = `${place}:${chord.join('+')}`;
        expect(seen.get(id), `${id} is bound to ${seen.get(id)} and ${b.what}`).toBeUndefined();
        seen.set(id, b.what);
      }
    }
  });

  it('finds the action for each bound key, and none for an unbound one', () => {
    expect(appActionFor('n')).toBe('next');
    expect(appActionFor('?')).toBe('help');
    expect(appActionFor('4')).toBe('settings');
    expect(appActionFor(',')).toBe('settings');
    expect(appActionFor('j')).toBeNull();
    expect(listActionFor('j')).toBe('down');
    expect(listActionFor(' ')).toBe('watch');
    expect(listActionFor('Enter')).toBe('open');
    expect(listActionFor('z')).toBeNull();
    expect(listActionFor('constructor')).toBeNull();
  });

  it('names the first key of a view for its button, from the same table', () => {
    expect(firstKeyFor('notes')).toBe('2');
    expect(firstKeyFor('settings')).toBe('4');
    expect(appActionFor(firstKeyFor('stats'))).toBe('stats');
  });

  it('prints keys as a student reads them', () => {
    expect(keyLabel('ArrowDown', false)).toBe('↓');
    expect(keyLabel('Mod', true)).toBe('⌘');
    expect(keyLabel('Mod', false)).toBe('Ctrl');
    expect(keyLabel(' ', false)).toBe('Space');
  });
});

describe('first UI language', () => {
  it('follows the first preferred language we have', () => {
    expect(detectLanguage(['zh-TW', 'en-US'])).toBe('zh-TW');
    expect(detectLanguage(['zh-Hant-HK'])).toBe('zh-TW');
    expect(detectLanguage(['fr-FR', 'en-GB', 'zh-TW'])).toBe('en');
    expect(detectLanguage(['ja-JP', 'zh-CN'])).toBe('zh-TW');
    expect(detectLanguage(['de-DE'])).toBe('en');
    expect(detectLanguage([])).toBe('en');
  });
});
