/**
 * The map's keyboard model: one tab stop, then arrow keys walk through the items in the model's
 * reading order (facilities west to east, then transfers), Enter opens the current one, +/- zoom.
 */

export type KeyAction =
  | { type: 'move'; index: number }
  | { type: 'select' }
  | { type: 'zoom'; delta: 1 | -1 };

/** What a key does, given the current position (undefined before the first arrow press). */
export function keyAction(key: string, current: number | undefined, count: number): KeyAction | undefined {
  const last = count - 1;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return count ? { type: 'move', index: current === undefined ? 0 : Math.min(last, current + 1) } : undefined;
    case 'ArrowLeft':
    case 'ArrowUp':
      return count ? { type: 'move', index: current === undefined ? last : Math.max(0, current - 1) } : undefined;
    case 'Home':
      return count ? { type: 'move', index: 0 } : undefined;
    case 'End':
      return count ? { type: 'move', index: last } : undefined;
    case 'Enter':
    case ' ':
      return current === undefined ? undefined : { type: 'select' };
    case '+':
    case '=':
      return { type: 'zoom', delta: 1 };
    case '-':
    case '_':
      return { type: 'zoom', delta: -1 };
    default:
      return undefined;
  }
}
