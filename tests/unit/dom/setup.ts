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
