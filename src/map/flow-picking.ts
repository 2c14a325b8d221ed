/**
 * Which arc is under the pointer. Every arc segment is indexed once, in Mercator space, in a
 * static R-tree (flatbush); a pointer move asks the tree for the few segments near it, so its cost
 * does not grow with the number of arcs or vertices. On the flat map (no pitch, no rotation: the
 * element turns both off) screen distance is Mercator distance times the world's size in pixels.
 * On the globe it is not (the sphere foreshortens towards its edge): the tree still finds the
 * segments near the pointer, then their distance is measured on screen, as the GPU draws them
 * (straight between projected points), and a segment beyond the horizon is never picked.
 */
import Flatbush from 'flatbush';
import { latitudeAt, mercatorX, mercatorY } from '../geo/mercator.js';
import { angularDistance } from '../geo/sphere.js';
import type { FlowMark } from '../model/model.js';

/** A pointer this close (CSS px) to a thin arc still picks it; a wide arc can be picked across its width. */
export const MIN_PICK_TOLERANCE_PX = 6;

/** How wide the selected arc is drawn (the flow layer's shader does the same). */
export function selectedWidth(widthPx: number): number {
  return widthPx * 1.3 + 2;
}

export class FlowPicker {
  private readonly index?: Flatbush;
  /** Per segment: its flow, its index in the flow's path (its end point) and its two ends (Mercator). */
  private readonly segmentFlow: Uint32Array;
  private readonly segmentEnd: Uint32Array;
  private readonly ends: Float64Array;
  private readonly maxWidthPx: number;

  constructor(private readonly flows: readonly FlowMark[]) {
    const count = flows.reduce((n, f) => n + Math.max(0, f.path.length - 1), 0);
    this.segmentFlow = new Uint32Array(count);
    this.segmentEnd = new Uint32Array(count);
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
        this.segmentEnd[s] = k;
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
    return this.nearest(mx, my, reach, copies, selected, (s, _flow, x) => {
      const o = s * 4;
      return segmentDistance(x, my, this.ends[o], this.ends[o + 1], this.ends[o + 2], this.ends[o + 3]) * worldPx;
    });
  }

  /**
   * The id of the arc nearest to a screen point on a map drawn in any projection (the globe), if
   * one is within max(6 px, half its width) on screen and in view there (not behind the horizon).
   * `view` is the map's own projection: `unproject` gives the visible place under a screen point.
   */
  pickOnScreen(point: { x: number; y: number }, view: ScreenProjection, selected?: string): string | undefined {
    if (!this.index) return undefined;
    const tolerancePx = Math.max(MIN_PICK_TOLERANCE_PX, selectedWidth(this.maxWidthPx) / 2);
    const here = view.unproject(point);
    const mx = mercatorX(here[0]);
    const my = mercatorY(here[1]);
    // Mercator units per screen px around the pointer, in its most foreshortened direction (towards
    // the globe's edge a pixel spans far more of the map): the reach that cannot miss a segment.
    const step = 1e-5;
    const base = view.project(here);
    const pxPerUnit = Math.min(
      Math.hypot(...delta(view.project([here[0] + step * 360, here[1]]), base)),
      Math.hypot(...delta(view.project([here[0], latitudeAt(my + step)]), base)),
    ) / step;
    const reach = Math.min(0.25, tolerancePx / Math.max(pxPerUnit, 1e-9));
    // Arcs keep continuous longitudes (a Pacific crossing runs past 180), so look a world either side.
    return this.nearest(mx, my, reach, [0, -1, 1], selected, (s, flow) => {
      const a = flow.path[this.segmentEnd[s] - 1];
      const b = flow.path[this.segmentEnd[s]];
      const pa = view.project(a);
      const pb = view.project(b);
      const t = segmentParameter(point.x, point.y, pa[0], pa[1], pb[0], pb[1]);
      const d = Math.hypot(point.x - (pa[0] + t * (pb[0] - pa[0])), point.y - (pa[1] + t * (pb[1] - pa[1])));
      // The nearest point of the segment must be on the side of the globe facing the reader.
      return d <= tolerancePx && isInView([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])], view) ? d : undefined;
    });
  }

  /**
   * The arc of the segment nearest to a Mercator point (searched `reach` around it, in each world
   * copy), within that arc's tolerance; `measure` gives a segment's distance in CSS px, or
   * undefined where it cannot be picked.
   */
  private nearest(
    mx: number, my: number, reach: number, copies: readonly number[], selected: string | undefined,
    measure: (segment: number, flow: FlowMark, x: number) => number | undefined,
  ): string | undefined {
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const k of copies) {
      const x = mx - k;
      for (const s of this.index!.search(x - reach, my - reach, x + reach, my + reach)) {
        const flow = this.flows[this.segmentFlow[s]];
        const tolerance = pickTolerance(flow, selected);
        if (tolerance === undefined) continue;
        const d = measure(s, flow, x);
        if (d === undefined || d > tolerance || d >= bestDistance) continue;
        bestDistance = d;
        best = flow.transfer.id;
      }
    }
    return best;
  }
}

/** How near (CSS px) the pointer must be to pick an arc; undefined for a hidden arc that is not selected. */
function pickTolerance(flow: FlowMark, selected: string | undefined): number | undefined {
  const id = flow.transfer.id;
  if (flow.hidden && id !== selected) return undefined;
  return Math.max(MIN_PICK_TOLERANCE_PX, (id === selected ? selectedWidth(flow.widthPx) : flow.widthPx) / 2);
}

/** A map's projection between places ([lng, lat]) and screen points (CSS px). */
export interface ScreenProjection {
  project(lngLat: [number, number]): [number, number];
  /** The place under a screen point, on the side of the globe the reader sees. */
  unproject(point: { x: number; y: number }): [number, number];
}

/**
 * Whether a place is in view rather than hidden behind the globe: the visible place drawn at its
 * screen point is the place itself. A hidden one projects to where the front of the globe is.
 */
export function isInView(lngLat: [number, number], view: ScreenProjection): boolean {
  return angularDistance(view.unproject(pointOf(view.project(lngLat))), lngLat) < 0.05;
}

function pointOf([x, y]: [number, number]): { x: number; y: number } {
  return { x, y };
}

function delta(a: [number, number], b: [number, number]): [number, number] {
  return [a[0] - b[0], a[1] - b[1]];
}

function segmentParameter(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  return length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = segmentParameter(px, py, ax, ay, bx, by);
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}
