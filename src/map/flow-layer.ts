/**
 * Transfers as animated arcs, drawn on the GPU by a MapLibre custom layer in the map's own WebGL
 * context.
 *
 * Each arc is a polyline of Mercator points uploaded once (when the arcs change) together with
 * its distance along the arc, width, colour and pattern. The vertex shader extrudes every segment
 * into a quad with mitred joins, in screen pixels; the fragment shader draws the line, its dashes
 * or dots, arrowheads pointing from→to, and a fading "comet" tail behind each arrowhead. Motion
 * is one time uniform: a frame costs a handful of GL calls, with no `setData`, no paint property
 * and no layout work. With animation off, time stands still and the same arrowheads show the
 * direction; the layer then asks for no frames at all.
 *
 * ## How the controller uses it
 *
 * ```ts
 * const flows = new FlowLayer({ beforeId: FACILITY_FILL_LAYER_ID });
 * // in the `style.load` handler (first load and every basemap swap, which drops custom layers):
 * if (!map.getLayer(FLOW_LAYER_ID)) {
 *   map.addLayer(flows, map.getLayer(FACILITY_FILL_LAYER_ID) ? FACILITY_FILL_LAYER_ID : undefined);
 * }
 * // data, theme or selection changes:
 * const { arcs, unresolved } = flowArcs(transfers, endpointOf, theme); // report `unresolved` as issues
 * flows.setArcs(arcs);                  // rebuilds the GPU buffers: only when data or theme change
 * flows.setSelected(selectedTransferId); // cheap: no rebuild; a hidden (cancelled) arc shows only when selected
 * flows.setAnimated(!noAnimation && !prefersReducedMotion);
 * // pointer: custom layers are not queryable, so ask the layer
 * const id = flows.hitTest(event.point, map);
 * ```
 *
 * Order: above country fills and shading, below facility circles (facilities are what a reader
 * clicks most, and a 1.5 px arc must not hide a circle's edge) — so add it before
 * `prison-map-facilities-fill`.
 *
 * Context loss: MapLibre rebuilds its style after `webglcontextrestored` but drops custom layers.
 * This layer notices that it was removed by a lost context (its `onRemove` sees
 * `gl.isContextLost()`), and on `webglcontextrestored` it re-adds itself once the rebuilt style
 * has loaded (before `beforeId` if that layer exists), uploading its arcs again. The controller
 * need not do anything, but must check `map.getLayer(FLOW_LAYER_ID)` before adding it in a
 * `style.load` handler, as above, so that it is not added twice.
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import type { Transfer } from '../data/types.js';
import { arcBetween } from '../geo/arcs.js';
import { MERCATOR_MAX_LAT } from '../geo/antimeridian.js';
import {
  FLOW_KIND_STYLES, FLOW_SELECTED_HALO, FLOW_STATUS_STYLES, UNKNOWN_COUNT_WIDTH, flowColor, flowWidth, hexToRgba,
  type FlowTheme,
} from './flow-style.js';

export const FLOW_LAYER_ID = 'prison-map-flows';

/** One arc as the layer draws it: everything already scaled. */
export interface FlowArc {
  /** The transfer id; what {@link FlowLayer.hitTest} returns. */
  id: string;
  /** [longitude, latitude] points from→to; longitudes continuous (see `arcBetween`). */
  path: [number, number][];
  /** Line width in CSS px. */
  widthPx: number;
  /** Straight (not premultiplied) RGBA in 0..1, or a CSS hex colour (`#rrggbb`, `#rrggbbaa`). */
  color: [number, number, number, number] | string;
  dashed: boolean;
  dotted?: boolean;
  /** Drawn (and hit-tested) only while it is the selected arc, e.g. a cancelled transfer. */
  hidden?: boolean;
}

export interface FlowLayerOptions {
  /** Where the layer re-adds itself after a lost WebGL context comes back, if that layer exists. */
  beforeId?: string;
  /** Outline of the selected arc (CSS hex). Default: the light theme's. */
  selectedHalo?: string;
  /** Whether arcs move. Default true. */
  animated?: boolean;
}

/** Pattern speed, CSS px per second along the arc. */
const SPEED_PX_PER_S = 40;
/** Floats per point in the position buffer: Mercator x, y and distance along the arc. */
const POINT_FLOATS = 3;
const POINT_BYTES = POINT_FLOATS * 4;
/** Bytes per point in the style buffer: RGBA8 colour, uint16 width (1/100 px), uint8 flags, pad. */
const STYLE_BYTES = 8;
const FLAG_DASHED = 1;
const FLAG_DOTTED = 2;
const FLAG_HIDDEN = 4;
/** Copies of the world drawn at most, for low zooms with `renderWorldCopies`. */
const MAX_WORLD_COPIES = 7;

const VERTEX_SHADER = `#version 300 es
precision highp float;
uniform mat4 u_matrix;
uniform vec2 u_viewport;      // drawing buffer, device px
uniform float u_px_ratio;     // device px per CSS px
uniform float u_world_px;     // CSS px per Mercator unit
uniform float u_world_offset; // whole worlds, in Mercator units
uniform float u_selected;     // 1 in the pass that draws the selected arc
in vec3 a_prev;
in vec3 a_pos;
in vec3 a_next;
in vec4 a_color;
in float a_width;
in float a_flags;
out vec4 v_color;
out float v_along;   // CSS px from the start of the arc
out float v_across;  // CSS px from the centre line, signed
out float v_width;   // CSS px
out float v_flags;

vec4 clipOf(vec2 merc) {
  return u_matrix * vec4(merc.x + u_world_offset, merc.y, 0.0, 1.0);
}
vec2 pxOf(vec4 clip) {
  return (clip.xy / clip.w * 0.5 + 0.5) * u_viewport;
}

void main() {
  // Two vertices per point, left and right of the line; neighbours are the points before and after.
  float side = mod(float(gl_VertexID), 2.0) * 2.0 - 1.0;
  bool hidden = mod(floor(a_flags / 4.0), 2.0) > 0.5;
  vec4 here = clipOf(a_pos.xy);
  vec2 q = pxOf(here);
  // Distance along the arc grows within an arc, so a neighbour belongs to it only if it keeps growing.
  vec2 dIn = a_prev.z < a_pos.z ? q - pxOf(clipOf(a_prev.xy)) : vec2(0.0);
  vec2 dOut = a_next.z > a_pos.z ? pxOf(clipOf(a_next.xy)) - q : vec2(0.0);
  bool hasIn = length(dIn) > 1e-5;
  bool hasOut = length(dOut) > 1e-5;
  if ((!hasIn && !hasOut) || (hidden && u_selected < 0.5)) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    return;
  }
  dIn = hasIn ? normalize(dIn) : normalize(dOut);
  dOut = hasOut ? normalize(dOut) : dIn;
  vec2 normal = vec2(-dOut.y, dOut.x);
  vec2 tangent = dIn + dOut;
  tangent = length(tangent) > 1e-5 ? normalize(tangent) : dOut;
  vec2 miter = vec2(-tangent.y, tangent.x);
  float miterScale = 1.0 / max(dot(miter, normal), 0.5);

  float width = a_width / 100.0;
  if (u_selected > 0.5) width = width * 1.3 + 2.0;
  float arrowHalf = max(width * 0.9 + 1.5, 3.5);
  float halfQuad = max(width * 0.5 + (u_selected > 0.5 ? 2.5 : 0.0), arrowHalf) + 0.75;

  vec2 offset = miter * side * halfQuad * miterScale * u_px_ratio;
  gl_Position = vec4(here.xy + offset / u_viewport * 2.0 * here.w, here.z, here.w);
  v_along = a_pos.z * u_world_px;
  v_across = side * halfQuad;
  v_width = width;
  v_color = a_color;
  v_flags = a_flags;
  if (u_selected > 0.5) v_color.a = max(v_color.a, 0.95);
}
`;

const FRAGMENT_SHADER = `#version 300 es
precision highp float;
uniform float u_time;
uniform float u_px_ratio;
uniform float u_selected;
uniform vec4 u_halo;
in vec4 v_color;
in float v_along;
in float v_across;
in float v_width;
in float v_flags;
out vec4 fragColor;

float edge(float dist) {
  // dist: CSS px inside the shape (negative outside); one device px of antialiasing.
  return clamp(dist * u_px_ratio + 0.5, 0.0, 1.0);
}

void main() {
  float w = v_width * 0.5;
  float c = abs(v_across);
  bool dashed = mod(v_flags, 2.0) > 0.5;
  bool dotted = mod(floor(v_flags / 2.0), 2.0) > 0.5;
  // Pattern coordinate: constant on a pattern feature, so features move from->to as time runs.
  float s = v_along - u_time * ${SPEED_PX_PER_S.toFixed(1)};

  float solid = edge(w - c);
  float body = solid;
  if (dotted) {
    float spacing = max(6.0, v_width * 3.0) * (dashed ? 2.0 : 1.0);
    float r = max(w + 0.5, 1.5);
    float u = mod(s, spacing) - spacing * 0.5;
    body = edge(r - length(vec2(u, c)));
  } else if (dashed) {
    float period = max(9.0, v_width * 4.0);
    float u = mod(s, period);
    body = solid * edge(min(u, period * 0.6 - u));
  }

  // Arrowheads every 'period' px, apex towards 'to', with a comet tail fading behind each.
  float arrowHalf = max(v_width * 0.9 + 1.5, 3.5);
  float arrowLen = arrowHalf * 2.2;
  float period = max(72.0, arrowLen * 5.0);
  float u = mod(s, period);
  float a = u - period;                      // <= 0: px behind the apex
  float slant = arrowLen / sqrt(arrowLen * arrowLen + arrowHalf * arrowHalf);
  float arrow = min(edge((-a * arrowHalf / arrowLen - c) * slant), edge(a + arrowLen));
  float tail = mix(0.45, 1.0, u / period);

  float cover = max(body * tail, arrow);
  vec4 color = vec4(v_color.rgb, 1.0) * v_color.a * cover;
  if (u_selected > 0.5) {
    // An outline outside the line only: inside, the line keeps its own colour.
    float halo = edge(w + 2.0 - c) * (1.0 - solid) * (1.0 - color.a);
    color += u_halo * halo;
  }
  if (color.a < 0.003) discard;
  fragColor = color;
}
`;

interface ArcRange {
  /** The arc's triangles: first index and number of indices in the index buffer. */
  firstIndex: number;
  indexCount: number;
  /** Mercator bounding box: minX, minY, maxX, maxY. */
  bbox: [number, number, number, number];
  widthPx: number;
  hidden: boolean;
  /** Position in `arcs`. */
  index: number;
}

interface GlResources {
  gl: WebGL2RenderingContext;
  program: WebGLProgram;
  points: WebGLBuffer;
  styles: WebGLBuffer;
  indices: WebGLBuffer;
  vao: WebGLVertexArrayObject;
  uniforms: Record<string, WebGLUniformLocation | null>;
}

function mercatorX(lng: number): number {
  return (180 + lng) / 360;
}
function mercatorY(lat: number): number {
  const clamped = Math.max(-MERCATOR_MAX_LAT, Math.min(MERCATOR_MAX_LAT, lat));
  return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))) / 360;
}

export class FlowLayer implements CustomLayerInterface {
  readonly id = FLOW_LAYER_ID;
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  /** Frames this layer has drawn; tests use it to prove that nothing renders while nothing moves. */
  frameCount = 0;

  private arcs: FlowArc[] = [];
  private ranges = new Map<string, ArcRange>();
  private pointData = new Float32Array(0);
  private styleData = new ArrayBuffer(0);
  private indexData = new Uint32Array(0);
  private extentX: [number, number] = [0, 1];
  private animated: boolean;
  private selected?: string;
  private timeOrigin = performance.now();
  private frozenTime = 0;
  private map?: MapLibreMap;
  private res?: GlResources;
  /** Whether the GPU holds the current arcs. GL work waits for render(), where MapLibre expects it. */
  private uploaded = false;
  private beforeId?: string;
  private halo: [number, number, number, number];

  constructor(options: FlowLayerOptions = {}) {
    this.beforeId = options.beforeId;
    this.animated = options.animated ?? true;
    this.halo = hexToRgba(options.selectedHalo ?? FLOW_SELECTED_HALO.light);
  }

  /** Replaces the arcs; rebuilds the GPU buffers once. */
  setArcs(arcs: readonly FlowArc[]): void {
    this.arcs = [...arcs];
    this.build();
    this.uploaded = false;
    this.map?.triggerRepaint();
  }

  /** Starts or stops the motion. Stopped, the layer renders only when the map does. */
  setAnimated(on: boolean): void {
    if (on === this.animated) return;
    if (on) this.timeOrigin = performance.now() - this.frozenTime * 1000;
    else this.frozenTime = this.currentTime();
    this.animated = on;
    this.map?.triggerRepaint();
  }

  get isAnimated(): boolean {
    return this.animated;
  }

  /** Emphasises one arc (drawn last, wider, outlined); a `hidden` arc is drawn only while selected. */
  setSelected(id: string | undefined): void {
    if (id === this.selected) return;
    this.selected = id;
    this.map?.triggerRepaint();
  }

  setSelectedHalo(hex: string): void {
    this.halo = hexToRgba(hex);
    this.map?.triggerRepaint();
  }

  /**
   * The id of the arc nearest to a screen point (CSS px, as in MapLibre's mouse events), if one
   * is within max(6 px, half its width); hidden arcs count only while selected.
   */
  hitTest(point: { x: number; y: number }, map: MapLibreMap): string | undefined {
    const flat = map.getPitch() === 0;
    const worldPx = 512 * 2 ** map.getZoom();
    const here = map.unproject([point.x, point.y]);
    const mx = mercatorX(here.lng);
    const my = mercatorY(here.lat);
    const copies = map.getRenderWorldCopies() ? [0, -1, 1, -2, 2] : [0];
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const [id, range] of this.ranges) {
      if (range.hidden && id !== this.selected) continue;
      const width = id === this.selected ? range.widthPx * 1.3 + 2 : range.widthPx;
      const tolerance = Math.max(6, width / 2);
      for (const k of copies) {
        if (flat) {
          // Rotation keeps distances, so a Mercator box test is exact enough to skip far arcs.
          const margin = (tolerance + 1) / worldPx;
          const [x0, y0, x1, y1] = range.bbox;
          if (mx < x0 + k - margin || mx > x1 + k + margin || my < y0 - margin || my > y1 + margin) continue;
        }
        const d = this.distanceToArc(range, point, map, k * 360);
        if (d <= tolerance && d < bestDistance) {
          bestDistance = d;
          best = id;
        }
      }
    }
    return best;
  }

  onAdd(map: MapLibreMap): void {
    // GL resources are made in the first render(): MapLibre caches GL bindings and only resets
    // its cache after a custom layer's render, so binding buffers here would confuse it.
    this.map = map;
    this.res = undefined;
    this.uploaded = false;
  }

  onRemove(map: MapLibreMap, gl: WebGL2RenderingContext): void {
    const res = this.res;
    this.res = undefined;
    if (gl.isContextLost()) {
      // Removed by a lost context: MapLibre will rebuild its style without us; come back then.
      map.once('webglcontextrestored', () => this.readd(map));
      return;
    }
    this.map = undefined;
    if (res) {
      gl.deleteVertexArray(res.vao);
      gl.deleteBuffer(res.points);
      gl.deleteBuffer(res.styles);
      gl.deleteBuffer(res.indices);
      gl.deleteProgram(res.program);
    }
  }

  render(gl: WebGL2RenderingContext, options: CustomRenderMethodInput): void {
    this.frameCount++;
    const map = this.map;
    if (!map) return;
    if (!this.res || this.res.gl !== gl) {
      this.res = this.createResources(gl);
      this.uploaded = false;
    }
    const res = this.res;
    if (!this.uploaded) {
      this.upload(res);
      this.uploaded = true;
    }
    const selected = this.selected !== undefined ? this.ranges.get(this.selected) : undefined;
    if (this.indexData.length > 0) {
      const pxRatio = map.getPixelRatio();
      const u = res.uniforms;
      gl.useProgram(res.program);
      gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      gl.uniformMatrix4fv(u.u_matrix, false, options.defaultProjectionData.mainMatrix as Float32Array);
      gl.uniform2f(u.u_viewport, gl.drawingBufferWidth, gl.drawingBufferHeight);
      gl.uniform1f(u.u_px_ratio, pxRatio);
      gl.uniform1f(u.u_world_px, 512 * 2 ** map.getZoom());
      gl.uniform1f(u.u_time, this.currentTime());
      gl.uniform4fv(u.u_halo, this.halo);
      const copies = this.worldCopies(map);
      gl.uniform1f(u.u_selected, 0);
      gl.bindVertexArray(res.vao);
      // One draw call per world copy: SwiftShader and some drivers pay per draw and per instance.
      for (const k of copies) {
        gl.uniform1f(u.u_world_offset, k);
        gl.drawElements(gl.TRIANGLES, this.indexData.length, gl.UNSIGNED_INT, 0);
      }
      if (selected && selected.indexCount > 0) {
        gl.uniform1f(u.u_selected, 1);
        for (const k of copies) {
          gl.uniform1f(u.u_world_offset, k);
          gl.drawElements(gl.TRIANGLES, selected.indexCount, gl.UNSIGNED_INT, selected.firstIndex * 4);
        }
      }
      gl.bindVertexArray(null);
    }
    if (this.animated) map.triggerRepaint();
  }

  private currentTime(): number {
    return this.animated ? (performance.now() - this.timeOrigin) / 1000 : this.frozenTime;
  }

  /** Whole-world offsets (Mercator units) at which some arc may be visible. */
  private worldCopies(map: MapLibreMap): number[] {
    if (!map.getRenderWorldCopies()) return [0];
    const bounds = map.getBounds();
    const west = mercatorX(bounds.getWest());
    const east = mercatorX(bounds.getEast());
    const from = Math.ceil(west - this.extentX[1]);
    const to = Math.floor(east - this.extentX[0]);
    const copies: number[] = [];
    for (let k = from; k <= to && copies.length < MAX_WORLD_COPIES; k++) copies.push(k);
    return copies.length > 0 ? copies : [0];
  }

  private readd(map: MapLibreMap): void {
    const add = () => {
      if (map.getLayer(this.id)) return;
      map.addLayer(this, this.beforeId && map.getLayer(this.beforeId) ? this.beforeId : undefined);
    };
    try {
      add();
    } catch {
      // The rebuilt style is still loading.
      map.once('style.load', add);
    }
  }

  /**
   * Packs the arcs into vertex arrays: two vertices (left, right) per point, with two padding
   * vertices at each end so that every vertex can read the point before and after it.
   */
  private build(): void {
    const total = this.arcs.reduce((n, arc) => n + arc.path.length, 0);
    const segments = this.arcs.reduce((n, arc) => n + Math.max(0, arc.path.length - 1), 0);
    const points = new Float32Array((total * 2 + 4) * POINT_FLOATS);
    const styles = new ArrayBuffer(total * 2 * STYLE_BYTES);
    const indices = new Uint32Array(segments * 6);
    const view = new DataView(styles);
    this.ranges = new Map();
    let minX = Infinity;
    let maxX = -Infinity;
    let p = 0;
    let n = 0;
    for (const [index, arc] of this.arcs.entries()) {
      const [r, g, b, a] = typeof arc.color === 'string' ? hexToRgba(arc.color) : arc.color;
      const flags = (arc.dashed ? FLAG_DASHED : 0) | (arc.dotted ? FLAG_DOTTED : 0) | (arc.hidden ? FLAG_HIDDEN : 0);
      const width = Math.round(Math.max(0, Math.min(655, arc.widthPx)) * 100);
      const firstIndex = n;
      let distance = 0;
      let px = 0;
      let py = 0;
      const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
      for (let i = 0; i < arc.path.length; i++) {
        const x = mercatorX(arc.path[i][0]);
        const y = mercatorY(arc.path[i][1]);
        const step = i > 0 ? Math.hypot(x - px, y - py) : 0;
        distance += step;
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
          const o = (2 * p + s) * STYLE_BYTES;
          view.setUint8(o, Math.round(r * 255));
          view.setUint8(o + 1, Math.round(g * 255));
          view.setUint8(o + 2, Math.round(b * 255));
          view.setUint8(o + 3, Math.round(a * 255));
          view.setUint16(o + 4, width, true);
          view.setUint8(o + 6, flags);
        }
        bbox[0] = Math.min(bbox[0], x);
        bbox[1] = Math.min(bbox[1], y);
        bbox[2] = Math.max(bbox[2], x);
        bbox[3] = Math.max(bbox[3], y);
        p++;
      }
      if (arc.path.length > 0) {
        minX = Math.min(minX, bbox[0]);
        maxX = Math.max(maxX, bbox[2]);
        this.ranges.set(arc.id, { firstIndex, indexCount: n - firstIndex, bbox, widthPx: arc.widthPx, hidden: !!arc.hidden, index });
      }
    }
    this.pointData = points;
    this.styleData = styles;
    this.indexData = n === indices.length ? indices : indices.slice(0, n);
    this.extentX = Number.isFinite(minX) ? [minX, maxX] : [0, 1];
  }

  private createResources(gl: WebGL2RenderingContext): GlResources {
    const program = gl.createProgram()!;
    for (const [type, source] of [[gl.VERTEX_SHADER, VERTEX_SHADER], [gl.FRAGMENT_SHADER, FRAGMENT_SHADER]] as const) {
      const shader = gl.createShader(type)!;
      gl.shaderSource(shader, source);
      gl.compileShader(shader);
      if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS) && !gl.isContextLost()) {
        throw new Error(`flow layer shader: ${gl.getShaderInfoLog(shader)}`);
      }
      gl.attachShader(program, shader);
      gl.deleteShader(shader);
    }
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS) && !gl.isContextLost()) {
      throw new Error(`flow layer program: ${gl.getProgramInfoLog(program)}`);
    }
    const uniforms: GlResources['uniforms'] = {};
    for (const name of ['u_matrix', 'u_viewport', 'u_px_ratio', 'u_world_px', 'u_world_offset', 'u_selected', 'u_time', 'u_halo']) {
      uniforms[name] = gl.getUniformLocation(program, name);
    }
    return {
      gl, program, uniforms,
      points: gl.createBuffer()!,
      styles: gl.createBuffer()!,
      indices: gl.createBuffer()!,
      vao: gl.createVertexArray()!,
    };
  }

  private upload(res: GlResources): void {
    const { gl, program } = res;
    gl.bindVertexArray(res.vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, res.points);
    gl.bufferData(gl.ARRAY_BUFFER, this.pointData, gl.STATIC_DRAW);
    // Vertex v reads its point at entry v + 2, the previous point at v and the next at v + 4.
    (['a_prev', 'a_pos', 'a_next'] as const).forEach((name, i) => {
      const loc = gl.getAttribLocation(program, name);
      if (loc < 0) return;
      gl.enableVertexAttribArray(loc);
      gl.vertexAttribPointer(loc, 3, gl.FLOAT, false, POINT_BYTES, i * 2 * POINT_BYTES);
    });
    gl.bindBuffer(gl.ARRAY_BUFFER, res.styles);
    gl.bufferData(gl.ARRAY_BUFFER, this.styleData, gl.STATIC_DRAW);
    const attributes: Array<[string, number, number, boolean, number]> = [
      ['a_color', 4, gl.UNSIGNED_BYTE, true, 0],
      ['a_width', 1, gl.UNSIGNED_SHORT, false, 4],
      ['a_flags', 1, gl.UNSIGNED_BYTE, false, 6],
    ];
    for (const [name, size, type, normalized, offset] of attributes) {
      const loc = gl.getAttribLocation(program, name);
      if (loc < 0) continue;
      gl.enableVertexAttribArray(loc);
      gl.vertexAttribPointer(loc, size, type, normalized, STYLE_BYTES, offset);
    }
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, res.indices);
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, this.indexData, gl.STATIC_DRAW);
    gl.bindVertexArray(null);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
  }

  /** Shortest screen distance (CSS px) from a point to an arc drawn `dLng` degrees east. */
  private distanceToArc(range: ArcRange, point: { x: number; y: number }, map: MapLibreMap, dLng: number): number {
    const path = this.arcs[range.index].path;
    let best = Infinity;
    let prev: { x: number; y: number } | undefined;
    for (const [lng, lat] of path) {
      const q = map.project([lng + dLng, lat]);
      if (prev) best = Math.min(best, segmentDistance(point, prev, q));
      else best = Math.min(best, Math.hypot(point.x - q.x, point.y - q.y));
      prev = q;
    }
    return best;
  }
}

function segmentDistance(p: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * The arcs for a set of transfers: great circles between their endpoints, width by count,
 * colour and dots by kind, opacity and dashes by status. Cancelled transfers come back with
 * `hidden: true` (drawn only while selected). Endpoints that `endpoints` cannot place are listed
 * in `unresolved` and their transfers left out.
 */
export function flowArcs(
  transfers: readonly Transfer[],
  endpoints: (idOrIso3: string) => [number, number] | undefined,
  theme: FlowTheme,
  options: { maxWidthPx?: number } = {},
): { arcs: FlowArc[]; unresolved: Array<{ transfer: Transfer; field: 'from' | 'to' }> } {
  const width = flowWidth(transfers, options.maxWidthPx);
  const arcs: FlowArc[] = [];
  const unresolved: Array<{ transfer: Transfer; field: 'from' | 'to' }> = [];
  for (const transfer of transfers) {
    const from = endpoints(transfer.from);
    const to = endpoints(transfer.to);
    if (!from) unresolved.push({ transfer, field: 'from' });
    if (!to) unresolved.push({ transfer, field: 'to' });
    if (!from || !to) continue;
    const status = FLOW_STATUS_STYLES[transfer.status];
    arcs.push({
      id: transfer.id,
      path: arcBetween(from, to),
      widthPx: transfer.count === undefined ? UNKNOWN_COUNT_WIDTH : width(transfer.count),
      color: flowColor(transfer.kind, transfer.status, theme),
      dashed: status.dashed,
      dotted: FLOW_KIND_STYLES[transfer.kind].dotted,
      hidden: status.hiddenUnlessSelected,
    });
  }
  return { arcs, unresolved };
}
