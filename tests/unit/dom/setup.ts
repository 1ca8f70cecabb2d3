import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/svelte';

// waitFor/findBy* wait for the real condition; their timeout (1 s by default) is only a hang
// guard. A component's first render took up to ~5 s here on a loaded 2-core machine, and
// machines differ about 3× in speed, so 1 s would fail a correct app on a slow one.
configure({ asyncUtilTimeout: 30_000 });

// jsdom has no layout. virtua learns the viewport's size from a ResizeObserver, so this
// stand-in reports every observed element as 400×600 px: about 15 rows of 40 px are then
// "visible", enough to exercise the virtual list without a browser.
class FixedSizeResizeObserver {
  constructor(private readonly cb: ResizeObserverCallback) {}
  observe(target: Element) {
    queueMicrotask(() =>
      this.cb([{ target, contentRect: { width: 400, height: 600 } } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver),
    );
  }
  unobserve() {}
  disconnect() {}
}
for (const w of [globalThis, document.defaultView].filter(Boolean) as object[]) {
  Object.assign(w, { ResizeObserver: FixedSizeResizeObserver });
}
// virtua scrolls with element.scrollTo, which jsdom lacks.
if (!Element.prototype.scrollTo) {
  Element.prototype.scrollTo = function (this: Element, arg?: ScrollToOptions | number, y?: number) {
    const top = typeof arg === 'object' ? arg.top : y;
    if (top !== undefined) this.scrollTop = top;
  } as Element['scrollTo'];
}

// jsdom has <dialog> but not showModal() or close(), nor the browser's Esc for a modal dialog.
// The app's overlays are native modal dialogs (renderer/src/lib/modal.ts), so this stand-in
// does what the components rely on: `open` set and unset, a `close` event, and Esc firing a
// cancelable `cancel` on the topmost modal dialog, which closes it unless cancelled. Focus
// trapping and the top layer are the platform's and are tested in Chromium (tests/e2e).
if (!HTMLDialogElement.prototype.showModal) {
  const modals: HTMLDialogElement[] = [];
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.open = true;
    modals.push(this);
    const first = this.querySelector<HTMLElement>('[autofocus], input, select, textarea, button, [href], [tabindex]:not([tabindex="-1"])');
    (first ?? this).focus();
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    if (!this.open) return;
    this.open = false;
    modals.splice(modals.indexOf(this), 1);
    this.dispatchEvent(new Event('close'));
  };
  // Capture, then act after the event has run its course: a handler may still cancel the key.
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Escape') return;
      queueMicrotask(() => {
        const top = modals.at(-1);
        if (e.defaultPrevented || !top) return;
        if (top.dispatchEvent(new Event('cancel', { cancelable: true }))) top.close();
      });
    },
    true,
  );
}

// jsdom has no popover API either. The Data menu is a native popover (popover="auto"), so this
// stand-in does what it relies on: showPopover/hidePopover/togglePopover firing `beforetoggle`
// with `newState` (and a data-popover-open attribute for visibility), a button's `popovertarget` toggling its popover, and Esc hiding the newest
// open one with focus back where it was before. Light dismiss and the top layer are the
// platform's and are tested in Chromium (tests/e2e/data.spec.ts).
if (!('showPopover' in HTMLElement.prototype)) {
  const shown = new Map<HTMLElement, Element | null>(); // open popover → what had focus before
  const set = (el: HTMLElement, open: boolean) => {
    if (shown.has(el) === open) return;
    const e = Object.assign(new Event('beforetoggle'), { newState: open ? 'open' : 'closed', oldState: open ? 'closed' : 'open' });
    el.dispatchEvent(e);
    el.toggleAttribute('data-popover-open', open);
    if (open) return void shown.set(el, document.activeElement);
    const back = shown.get(el);
    shown.delete(el);
    if (el.contains(document.activeElement) && back instanceof HTMLElement) back.focus();
  };
  // jsdom's own stylesheet hides every [popover] (it never matches :popover-open); this shows the open ones.
  const style = document.createElement('style');
  style.textContent = '[popover][data-popover-open] { display: block !important; }';
  document.head.append(style);
  Object.assign(HTMLElement.prototype, {
    showPopover(this: HTMLElement) {
      set(this, true);
    },
    hidePopover(this: HTMLElement) {
      set(this, false);
    },
    togglePopover(this: HTMLElement) {
      set(this, !shown.has(this));
      return shown.has(this);
    },
  });
  document.addEventListener('click', (e) => {
    const invoker = e.target instanceof Element ? e.target.closest('button[popovertarget]') : null;
    const target = invoker && document.getElementById(invoker.getAttribute('popovertarget') ?? '');
    if (target && !e.defaultPrevented) target.togglePopover();
  });
  window.addEventListener('keydown', (e) => {
    const last = [...shown.keys()].at(-1);
    if (e.key === 'Escape' && last && !e.defaultPrevented) set(last, false);
  });
}
