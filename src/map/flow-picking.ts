/**
 * Which arc is under the pointer. Every arc segment is indexed once, in Mercator space, in a
 * static R-tree (flatbush); a pointer move asks the tree for the few segments near it, so its cost
 * does not grow with the number of arcs or vertices. On the flat map (no pitch, no rotation: the
 * element turns both off) screen distance is Mercator distance times the world's size in pixels.
 */
import Flatbush from 'flatbush';
import { mercatorX, mercatorY } from '../geo/mercator.js';
import type { FlowMark } from '../model/model.js';

/** A pointer this close (CSS px) to a thin arc still picks it; a wide arc can be picked across its width. */
export const MIN_PICK_TOLERANCE_PX = 6;

/** How wide the selected arc is drawn (the flow layer's shader does the same). */
export function selectedWidth(widthPx: number): number {
  return widthPx * 1.3 + 2;
}

export class FlowPicker {
  private readonly index?: Flatbush;
  /** Per segment: its flow and its two ends (Mercator). */
  private readonly segmentFlow: Uint32Array;
  private readonly ends: Float64Array;
  private readonly maxWidthPx: number;

  constructor(private readonly flows: readonly FlowMark[]) {
    const count = flows.reduce((n, f) => n + Math.max(0, f.path.length - 1), 0);
    this.segmentFlow = new Uint32Array(count);
    this.ends = new Float64Array(count * 4);
    this.maxWidthPx = flows.reduce((m, f) => Math.max(m, f.widthPx), 0);
    if (count === 0) return;
    const index = new Flatbush(count);
    let s = 0;
    flows.forEach((flow, i) => {
      for (let k = 1; k < flow.path.length; k++) {
        const x0 = mercatorX(flow.path[k - 1][0]);
        const y0 = mercatorY(flow.path[k - 1][1]);
        const x1 = mercatorX(flow.path[k][0]);
        const y1 = mercatorY(flow.path[k][1]);
        this.segmentFlow[s] = i;
        this.ends.set([x0, y0, x1, y1], s * 4);
        index.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
        s++;
      }
    });
    index.finish();
    this.index = index;
  }

  /**
   * The id of the arc nearest to a Mercator point, if one is within max(6 px, half its width);
   * `worldPx` is the world's size in CSS px at the current zoom, `copies` the whole-world offsets
   * drawn. Hidden arcs count only while selected.
   */
  pick(mx: number, my: number, worldPx: number, copies: readonly number[], selected?: string): string | undefined {
    if (!this.index) return undefined;
    const reach = Math.max(MIN_PICK_TOLERANCE_PX, selectedWidth(this.maxWidthPx) / 2) / worldPx;
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const k of copies) {
      const x = mx - k;
      for (const s of this.index.search(x - reach, my - reach, x + reach, my + reach)) {
        const flow = this.flows[this.segmentFlow[s]];
        const id = flow.transfer.id;
        if (flow.hidden && id !== selected) continue;
        const width = id === selected ? selectedWidth(flow.widthPx) : flow.widthPx;
        const tolerance = Math.max(MIN_PICK_TOLERANCE_PX, width / 2);
        const o = s * 4;
        const d = segmentDistance(x, my, this.ends[o], this.ends[o + 1], this.ends[o + 2], this.ends[o + 3]) * worldPx;
        if (d <= tolerance && d < bestDistance) {
          bestDistance = d;
          best = id;
        }
      }
    }
    return best;
  }
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
