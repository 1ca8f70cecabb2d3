// Where the window opens: the saved size and position when they still fit a screen
// (a monitor may have been unplugged since), else a centred default.
import type { WindowState } from '../shared/prefs';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1200, height: 800 };
export const MIN_SIZE = { width: 720, height: 480 };
/** How much of the title bar must be on a screen for the student to grab it. */
const GRAB = 64;

export function initialBounds(saved: WindowState | null, workAreas: Rect[]): Partial<Rect> & { width: number; height: number } {
  if (!saved) return { ...DEFAULT_SIZE };
  const width = Math.max(MIN_SIZE.width, Math.round(saved.width));
  const height = Math.max(MIN_SIZE.height, Math.round(saved.height));
  const grabbable = workAreas.some(
    (a) => saved.x + width - GRAB >= a.x && saved.x + GRAB <= a.x + a.width && saved.y >= a.y && saved.y + GRAB / 2 <= a.y + a.height,
  );
  if (!grabbable) return { width: Math.min(width, workAreas[0]?.width ?? width), height: Math.min(height, workAreas[0]?.height ?? height) };
  return { x: Math.round(saved.x), y: Math.round(saved.y), width, height };
}
