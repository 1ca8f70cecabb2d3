// Work that can wait for the screen: it starts once the browser has drawn what is pending
// (a frame, then a task after it), or after a second if no frame comes (a hidden window).

const NO_FRAME_MS = 1000;

export function afterPaint(): Promise<void> {
  return new Promise((ok) => {
    const done = () => setTimeout(ok, 0);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(done);
    setTimeout(ok, NO_FRAME_MS);
  });
}
