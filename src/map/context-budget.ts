/**
 * Browsers allow a page only a handful of live WebGL contexts (Chrome warns and starts dropping
 * the oldest past 16; phones fewer). A long article with many maps keeps at most
 * {@link MAX_LIVE_MAPS} alive: when another map needs one, the map farthest from the viewport
 * gives its context back and shows a still image of its last view until it is scrolled to again.
 */
export const MAX_LIVE_MAPS = 8;

export interface ContextHolder {
  /** CSS px between the element and the viewport; 0 when any part of it is visible. */
  distanceToViewport(): number;
  /** Gives the context back (the holder keeps a still image and can ask again later). */
  releaseContext(): void;
}

const live = new Set<ContextHolder>();

/** Registers a holder about to create a context, releasing the farthest others to stay in budget. */
export function acquireContext(holder: ContextHolder): void {
  live.add(holder);
  while (live.size > MAX_LIVE_MAPS) {
    let farthest: ContextHolder | undefined;
    let distance = -1;
    for (const other of live) {
      if (other === holder) continue;
      const d = other.distanceToViewport();
      if (d > distance) {
        farthest = other;
        distance = d;
      }
    }
    if (!farthest) return;
    live.delete(farthest);
    farthest.releaseContext();
  }
}

/** The holder's context is gone (element removed, map destroyed). */
export function forgetContext(holder: ContextHolder): void {
  live.delete(holder);
}
