// Focus handling shared by the app's modal surfaces (dialogs and the search palette).

const FOCUSABLE = 'input, select, textarea, button, [href], [tabindex]:not([tabindex="-1"])';

/** The elements inside `box` that Tab can reach, in document order. */
export function focusablesIn(box: HTMLElement | null): HTMLElement[] {
  return box ? [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.matches(':disabled')) : [];
}

/** Call on Tab in a modal's keydown: focus wraps from last to first (and back) instead of leaving it. */
export function trapTab(e: KeyboardEvent, box: HTMLElement | null): void {
  if (e.key !== 'Tab') return;
  const els = focusablesIn(box);
  const first = els[0];
  const last = els.at(-1);
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
