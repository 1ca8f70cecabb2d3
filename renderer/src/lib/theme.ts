// The colour theme: 'system' leaves it to prefers-color-scheme; light or dark pin it with a
// data attribute on <html>, which app.css reads (and which sets color-scheme for form controls).
import type { Theme } from '../../../electron/shared/contract';

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
