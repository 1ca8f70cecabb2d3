import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, initialBounds } from '../../../electron/main/window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1050 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('initialBounds', () => {
  it('uses the default size the first time', () => {
    expect(initialBounds(null, [laptop])).toEqual(DEFAULT_SIZE);
  });

  it('reopens where the student left it', () => {
    const saved = { x: 100, y: 80, width: 1000, height: 700, maximized: false };
    expect(initialBounds(saved, [laptop])).toEqual({ x: 100, y: 80, width: 1000, height: 700 });
  });

  it('reopens on a second monitor that is still there', () => {
    const saved = { x: 2200, y: 100, width: 1400, height: 900, maximized: false };
    expect(initialBounds(saved, [laptop, rightMonitor])).toEqual({ x: 2200, y: 100, width: 1400, height: 900 });
  });

  it('centres on the remaining screen when that monitor was unplugged', () => {
    const saved = { x: 2200, y: 100, width: 1400, height: 900, maximized: false };
    const b = initialBounds(saved, [laptop]);
    expect(b.x).toBeUndefined();
    expect(b.y).toBeUndefined();
    expect(b).toMatchObject({ width: 1400, height: 900 });
  });

  it('does not open with the title bar above the screen or only a sliver visible', () => {
    expect(initialBounds({ x: 100, y: -200, width: 1000, height: 700, maximized: false }, [laptop]).x).toBeUndefined();
    expect(initialBounds({ x: 1900, y: 100, width: 1000, height: 700, maximized: false }, [laptop]).x).toBeUndefined();
    expect(initialBounds({ x: -980, y: 100, width: 1000, height: 700, maximized: false }, [laptop]).x).toBeUndefined();
  });

  it('never restores a size below the minimum, and shrinks a size larger than the screen left', () => {
    expect(initialBounds({ x: 10, y: 10, width: 100, height: 50, maximized: false }, [laptop])).toEqual({ x: 10, y: 10, width: 720, height: 480 });
    expect(initialBounds({ x: 5000, y: 10, width: 4000, height: 3000, maximized: false }, [laptop])).toEqual({ width: 1920, height: 1050 });
  });
});
