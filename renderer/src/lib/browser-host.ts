// Browser mode's side of the host: the student's browser opens the links and receives the
// exports, so nothing is opened or written on the machine that serves the page. In Electron
// the main process does both, and none of this runs (see api.ts).
import { allowedExternalUrl } from '../../../electron/shared/links';
import type { Download } from '../../../electron/shared/contract';

/**
 * Open a URL in a new tab, only when the one link filter allows it. In Electron, window.open
 * is caught by the main process's window-open handler, which applies the same filter and hands
 * the URL to the OS browser. False when the link must not leave the app.
 */
export function openExternal(url: string): boolean {
  const safe = allowedExternalUrl(url);
  if (safe === null) return false;
  window.open(safe, '_blank', 'noopener,noreferrer');
  return true;
}

/** Hand files to the browser's download manager, each under its own name. */
export function download(files: readonly Download[]): void {
  for (const f of files) {
    const href = URL.createObjectURL(new Blob([f.content], { type: `${f.type};charset=utf-8` }));
    const a = document.createElement('a');
    a.href = href;
    a.download = f.name;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    // The download has started from the click; the URL is released once it has been read.
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
  }
}
