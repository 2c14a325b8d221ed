/**
 * The flow layer's vertex data, packed once per data change (never per frame, never per theme):
 * two vertices (left, right) per arc point, with two padding vertices at each end so that every
 * vertex can read the point before and after it.
 */
import { angularDistance } from '../geo/sphere.js';
import { mercatorX, mercatorY } from '../geo/mercator.js';
import type { FlowMark } from '../model/model.js';

/**
 * Floats per point in the position buffer: Mercator x, y, and the distance along the arc twice:
 * in Mercator units (the flat map's patterns) and on the sphere, in circumferences (the globe's).
 */
export const POINT_FLOATS = 4;
/** Bytes per vertex in the style buffer: uint8 colour slot, uint8 emphasis (0..255), uint16 width (1/100 px), uint8 flags, pad. */
export const STYLE_BYTES = 8;
export const FLAG_DASHED = 1;
export const FLAG_DOTTED = 2;
export const FLAG_HIDDEN = 4;
/** Faded by the layer's `u_fade` (arcs arriving or leaving as the year changes). */
export const FLAG_FADING = 8;

export interface ArcRange {
  /** The arc's triangles: first index and number of indices in the index buffer. */
  firstIndex: number;
  indexCount: number;
}

export interface FlowBuffers {
  points: Float32Array;
  styles: ArrayBuffer;
  indices: Uint32Array;
  /** By transfer id: where its triangles are, to draw the selected arc again on top. */
  ranges: Map<string, ArcRange>;
  /** Mercator x extent of all arcs, to know which world copies can show one. */
  extentX: [number, number];
}

/**
 * Packs arcs in draw order: the level lists them largest first, they are drawn smallest first so
 * that the largest lie on top.
 */
export function packFlows(inLevelOrder: readonly FlowMark[], fading?: ReadonlySet<string>): FlowBuffers {
  const flows = [...inLevelOrder].reverse();
  const total = flows.reduce((n, flow) => n + flow.path.length, 0);
  const segments = flows.reduce((n, flow) => n + Math.max(0, flow.path.length - 1), 0);
  const points = new Float32Array((total * 2 + 4) * POINT_FLOATS);
  const styles = new ArrayBuffer(total * 2 * STYLE_BYTES);
  const indices = new Uint32Array(segments * 6);
  const view = new DataView(styles);
  const ranges = new Map<string, ArcRange>();
  let minX = Infinity;
  let maxX = -Infinity;
  let p = 0;
  let n = 0;
  for (const flow of flows) {
    const flags = (flow.dashed ? FLAG_DASHED : 0) | (flow.dotted ? FLAG_DOTTED : 0) | (flow.hidden ? FLAG_HIDDEN : 0)
      | (fading?.has(flow.transfer.id) ? FLAG_FADING : 0);
    const width = Math.round(Math.max(0, Math.min(655, flow.widthPx)) * 100);
    const emphasis = Math.round(Math.max(0, Math.min(1, flow.emphasis ?? 1)) * 255);
    const firstIndex = n;
    let distance = 0;
    let ground = 0;
    let px = 0;
    let py = 0;
    for (let i = 0; i < flow.path.length; i++) {
      const x = mercatorX(flow.path[i][0]);
      const y = mercatorY(flow.path[i][1]);
      const step = i > 0 ? Math.hypot(x - px, y - py) : 0;
      distance += step;
      if (i > 0) ground += angularDistance(flow.path[i - 1], flow.path[i]) / 360;
      // A segment of zero length draws nothing and would break the arc's distance order.
      if (i > 0 && step > 0) {
        const v = 2 * (p - 1);
        indices.set([v, v + 1, v + 2, v + 1, v + 3, v + 2], n);
        n += 6;
      }
      px = x;
      py = y;
      for (let s = 0; s < 2; s++) {
        const e = (2 * p + s + 2) * POINT_FLOATS;
        points[e] = x;
        points[e + 1] = y;
        points[e + 2] = distance;
        points[e + 3] = ground;
        const o = (2 * p + s) * STYLE_BYTES;
        view.setUint8(o, flow.colorSlot);
        view.setUint8(o + 1, emphasis);
        view.setUint16(o + 4, width, true);
        view.setUint8(o + 6, flags);
      }
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      p++;
    }
    if (flow.path.length > 0) ranges.set(flow.transfer.id, { firstIndex, indexCount: n - firstIndex });
  }
  return {
    points, styles, ranges,
    indices: n === indices.length ? indices : indices.slice(0, n),
    extentX: Number.isFinite(minX) ? [minX, maxX] : [0, 1],
  };
}
