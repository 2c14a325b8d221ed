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
 * const flows = new FlowLayer({ beforeId: FACILITY_FILL_LAYER_ID, theme });
 * // in the `style.load` handler (first load and every basemap swap, which drops custom layers):
 * if (!map.getLayer(FLOW_LAYER_ID)) map.addLayer(flows, FACILITY_FILL_LAYER_ID);
 * flows.setFlows(model.flows);           // packs the GPU buffers: only when the data changes
 * flows.setTheme('dark');                 // a uniform: no vertex is touched
 * flows.setSelected(selectedTransferId);  // cheap; a hidden (cancelled) arc shows only when selected
 * flows.setAnimated(!noAnimation && !prefersReducedMotion);
 * const id = flows.pick(event.point, map); // custom layers are not queryable, so ask the layer
 * ```
 *
 * Packing lives in flow-buffers.ts and picking in flow-picking.ts; this module is the GL side.
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
import { FLOW_COLOR_SLOTS, flowSlotColors } from '../encodings/flow-style.js';
import { PALETTES, hexToRgba, type Theme } from '../encodings/palette.js';
import { ARC_PATTERN as P, glslFloat as glsl } from '../encodings/mark-styles.js';
import { mercatorX, mercatorY } from '../geo/mercator.js';
import type { FlowMark } from '../model/model.js';
import { POINT_FLOATS, STYLE_BYTES, packFlows, type FlowBuffers } from './flow-buffers.js';
import { FlowPicker, type ScreenProjection } from './flow-picking.js';

export const FLOW_LAYER_ID = 'prison-map-flows';

export interface FlowLayerOptions {
  /** Where the layer re-adds itself after a lost WebGL context comes back, if that layer exists. */
  beforeId?: string;
  /** Colours of the arcs and of the selected arc's outline. Default light. */
  theme?: Theme;
  /** Whether arcs move. Default true. */
  animated?: boolean;
}

/** Pattern speed, CSS px per second along the arc. */
const SPEED_PX_PER_S = 40;
const POINT_BYTES = POINT_FLOATS * 4;
/** Copies of the world drawn at most, for low zooms with `renderWorldCopies`. */
const MAX_WORLD_COPIES = 7;

/**
 * The vertex shader for one projection variant: MapLibre's prelude gives `projectTile(mercatorXY)`
 * (a matrix product on the flat map; the sphere, its horizon clipping plane and the animated
 * globe-to-flat transition on the globe), so one source serves both.
 */
function vertexShader(prelude: string, define: string): string {
  return `#version 300 es
precision highp float;
${prelude}
${define}
uniform vec2 u_viewport;      // drawing buffer, device px
uniform float u_px_ratio;     // device px per CSS px
uniform float u_world_px;     // CSS px per unit of distance along arcs (Mercator units; on the globe, circumferences)
uniform float u_world_offset; // whole worlds, in Mercator units
uniform float u_selected;     // 1 in the pass that draws the selected arc
uniform float u_fade;         // opacity of arcs flagged as fading (arriving or leaving with a new year)
uniform vec4 u_palette[${FLOW_COLOR_SLOTS}]; // straight RGBA per colour slot (kind x status), from the theme
in vec4 a_prev;
in vec4 a_pos;
in vec4 a_next;
in float a_slot;
in float a_width;
in float a_flags;
in float a_emphasis; // 0..1: opacity by magnitude (level.ts), multiplies the status colour's
out vec4 v_color;
out float v_along;   // CSS px from the start of the arc
out float v_across;  // CSS px from the centre line, signed
out float v_width;   // CSS px
out float v_flags;

vec4 clipOf(vec2 merc) {
  return projectTile(vec2(merc.x + u_world_offset, merc.y));
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
  float arrowHalf = max(width * ${glsl(P.ARROW_HALF_PER_WIDTH)} + ${glsl(P.ARROW_HALF_EXTRA)}, ${glsl(P.ARROW_HALF_MIN)});
  float halfQuad = max(width * 0.5 + (u_selected > 0.5 ? 2.5 : 0.0), arrowHalf) + 0.75;

  vec2 offset = miter * side * halfQuad * miterScale * u_px_ratio;
  // z is kept: on the globe it is the horizon clipping plane, which hides the far side.
  gl_Position = vec4(here.xy + offset / u_viewport * 2.0 * here.w, here.z, here.w);
#ifdef GLOBE
  v_along = a_pos.w * u_world_px;
#else
  v_along = a_pos.z * u_world_px;
#endif
  v_across = side * halfQuad;
  v_width = width;
  v_color = u_palette[int(a_slot + 0.5)];
  v_color.a *= a_emphasis;
  v_flags = a_flags;
  if (u_selected > 0.5) v_color.a = max(v_color.a, 0.95);
  if (mod(floor(a_flags / 8.0), 2.0) > 0.5) v_color.a *= u_fade;
}
`;
}

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
  // Dots, dashes and arrowheads as encodings/mark-styles.ts defines them (its numbers are written in here).
  if (dotted) {
    float spacing = max(${glsl(P.DOT_SPACING_MIN)}, v_width * ${glsl(P.DOT_SPACING_PER_WIDTH)}) * (dashed ? ${glsl(P.DOT_SPACING_DASHED_FACTOR)} : 1.0);
    float r = max(w + ${glsl(P.DOT_RADIUS_EXTRA)}, ${glsl(P.DOT_RADIUS_MIN)});
    float u = mod(s, spacing) - spacing * 0.5;
    body = edge(r - length(vec2(u, c)));
  } else if (dashed) {
    float period = max(${glsl(P.DASH_PERIOD_MIN)}, v_width * ${glsl(P.DASH_PERIOD_PER_WIDTH)});
    float u = mod(s, period);
    body = solid * edge(min(u, period * ${glsl(P.DASH_SHARE)} - u));
  }

  // Arrowheads every 'period' px, apex towards 'to', with a comet tail fading behind each.
  float arrowHalf = max(v_width * ${glsl(P.ARROW_HALF_PER_WIDTH)} + ${glsl(P.ARROW_HALF_EXTRA)}, ${glsl(P.ARROW_HALF_MIN)});
  float arrowLen = arrowHalf * ${glsl(P.ARROW_LENGTH_PER_HALF)};
  float period = max(${glsl(P.ARROW_PERIOD_MIN)}, arrowLen * ${glsl(P.ARROW_PERIOD_PER_LENGTH)});
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

/** Vertex attributes, bound to these locations in every program so that one vertex array serves all. */
const ATTRIBUTES = ['a_prev', 'a_pos', 'a_next', 'a_slot', 'a_width', 'a_flags', 'a_emphasis'] as const;
const UNIFORMS = [
  'u_viewport', 'u_px_ratio', 'u_world_px', 'u_world_offset', 'u_selected', 'u_fade', 'u_time', 'u_halo', 'u_palette',
  // MapLibre's projection prelude (the flat map uses only the matrix).
  'u_projection_matrix', 'u_projection_fallback_matrix', 'u_projection_tile_mercator_coords', 'u_projection_clipping_plane', 'u_projection_transition',
] as const;

interface FlowProgram {
  program: WebGLProgram;
  /** Compiled for MapLibre's globe (its define names it; the flat map's does not). */
  globe: boolean;
  uniforms: Record<(typeof UNIFORMS)[number], WebGLUniformLocation | null>;
}

interface GlResources {
  gl: WebGL2RenderingContext;
  /** One compiled program per MapLibre projection variant (`shaderData.variantName`). */
  programs: Map<string, FlowProgram>;
  points: WebGLBuffer;
  styles: WebGLBuffer;
  indices: WebGLBuffer;
  vao: WebGLVertexArrayObject;
}

export class FlowLayer implements CustomLayerInterface {
  readonly id = FLOW_LAYER_ID;
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  /** Frames this layer has drawn; tests use it to prove that nothing renders while nothing moves. */
  frameCount = 0;

  private buffers: FlowBuffers = packFlows([]);
  private picker = new FlowPicker([]);
  private animated: boolean;
  private selected?: string;
  private timeOrigin = performance.now();
  private frozenTime = 0;
  private map?: MapLibreMap;
  private res?: GlResources;
  /** Whether the GPU holds the current arcs. GL work waits for render(), where MapLibre expects it. */
  private uploaded = false;
  private readonly beforeId?: string;
  private palette!: Float32Array;
  private halo!: [number, number, number, number];

  constructor(options: FlowLayerOptions = {}) {
    this.beforeId = options.beforeId;
    this.animated = options.animated ?? true;
    this.setTheme(options.theme ?? 'light');
  }

  /**
   * Replaces the arcs: packs the GPU buffers and the picking index once. Arcs in `fading` are
   * drawn at the opacity {@link setFade} gives (arriving or leaving as the year changes).
   */
  setFlows(flows: readonly FlowMark[], fading?: ReadonlySet<string>): void {
    this.flows = flows;
    this.fading = fading;
    this.pack();
  }

  private flows: readonly FlowMark[] = [];
  private fading?: ReadonlySet<string>;

  /**
   * Packs the arcs drawn, and a hidden one (not drawn at this level, or cancelled) only while it is
   * selected: a newsroom's 5,000 transfers at `max-flows` 500 pack 500 arcs, not 5,000.
   */
  private pack(): void {
    const packed = this.flows.filter((flow) => !flow.hidden || flow.transfer.id === this.selected);
    this.buffers = packFlows(packed, this.fading);
    this.picker = new FlowPicker(packed);
    this.uploaded = false;
    this.map?.triggerRepaint();
  }

  /** Opacity of the fading arcs, 0..1: a uniform, one frame's work. */
  setFade(value: number): void {
    this.fade = value;
    this.map?.triggerRepaint();
  }
  private fade = 1;

  /** Recolours every arc and the selected arc's outline: uniforms only, no vertex is touched. */
  setTheme(theme: Theme): void {
    this.palette = flowSlotColors(theme);
    this.halo = hexToRgba(PALETTES[theme].selectedHalo);
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

  /** Emphasises one arc (drawn last, wider, outlined); a hidden arc is drawn only while selected. */
  setSelected(id: string | undefined): void {
    if (id === this.selected) return;
    const hidden = (which?: string) => which !== undefined && this.flows.some((flow) => flow.hidden && flow.transfer.id === which);
    const repack = hidden(this.selected) || hidden(id);
    this.selected = id;
    if (repack) this.pack();
    else this.map?.triggerRepaint();
  }

  /**
   * The id of the arc nearest to a screen point (CSS px, as in MapLibre's mouse events), if one
   * is within max(6 px, half its width); hidden arcs count only while selected.
   */
  pick(point: { x: number; y: number }, map: MapLibreMap): string | undefined {
    if (isGlobe(map)) return this.picker.pickOnScreen(point, screenProjection(map), this.selected);
    const here = map.unproject([point.x, point.y]);
    // One world: an arc across the antimeridian goes on from the other edge (its copy one world away).
    const copies = map.getRenderWorldCopies() ? [0, -1, 1, -2, 2] : [0, -1, 1];
    return this.picker.pick(mercatorX(here.lng), mercatorY(here.lat), 512 * 2 ** map.getZoom(), copies, this.selected);
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
      for (const { program } of res.programs.values()) gl.deleteProgram(program);
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
    const { indices, ranges } = this.buffers;
    const selected = this.selected !== undefined ? ranges.get(this.selected) : undefined;
    if (indices.length > 0) {
      const { program, uniforms: u, globe } = this.programFor(res, options.shaderData);
      gl.useProgram(program);
      gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      const projection = options.defaultProjectionData;
      gl.uniformMatrix4fv(u.u_projection_matrix, false, float32(projection.mainMatrix));
      if (globe) {
        gl.uniformMatrix4fv(u.u_projection_fallback_matrix, false, float32(projection.fallbackMatrix));
        gl.uniform4fv(u.u_projection_tile_mercator_coords, projection.tileMercatorCoords);
        gl.uniform4fv(u.u_projection_clipping_plane, projection.clippingPlane);
        gl.uniform1f(u.u_projection_transition, projection.projectionTransition);
      }
      gl.uniform2f(u.u_viewport, gl.drawingBufferWidth, gl.drawingBufferHeight);
      gl.uniform1f(u.u_px_ratio, map.getPixelRatio());
      // Patterns are measured along the arc: in Mercator units on the flat map; on the globe in
      // circumferences, whose size in px MapLibre sets by the latitude of the centre.
      const worldPx = 512 * 2 ** map.getZoom();
      gl.uniform1f(u.u_world_px, globe ? worldPx * Math.cos((map.getCenter().lat * Math.PI) / 180) : worldPx);
      gl.uniform1f(u.u_time, this.currentTime());
      gl.uniform1f(u.u_fade, this.fade);
      gl.uniform4fv(u.u_halo, this.halo);
      gl.uniform4fv(u.u_palette, this.palette);
      // The globe has no copies: an arc across the antimeridian simply goes on around the sphere.
      const copies = globe ? [0] : this.worldCopies(map);
      gl.uniform1f(u.u_selected, 0);
      gl.bindVertexArray(res.vao);
      // One draw call per world copy: SwiftShader and some drivers pay per draw and per instance.
      for (const k of copies) {
        gl.uniform1f(u.u_world_offset, k);
        gl.drawElements(gl.TRIANGLES, indices.length, gl.UNSIGNED_INT, 0);
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

  /**
   * Whole-world offsets (Mercator units) at which some arc may be visible. Without world copies
   * (one world, the map's default), the copies that bring an arc's part beyond the antimeridian
   * back into the one world: it leaves at one edge and goes on from the other.
   */
  private worldCopies(map: MapLibreMap): number[] {
    const bounds = map.getBounds();
    const one = !map.getRenderWorldCopies();
    const west = one ? Math.max(0, mercatorX(bounds.getWest())) : mercatorX(bounds.getWest());
    const east = one ? Math.min(1, mercatorX(bounds.getEast())) : mercatorX(bounds.getEast());
    const [minX, maxX] = this.buffers.extentX;
    const from = Math.ceil(west - maxX);
    const to = Math.floor(east - minX);
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

  private createResources(gl: WebGL2RenderingContext): GlResources {
    return {
      gl,
      programs: new Map(),
      points: gl.createBuffer()!,
      styles: gl.createBuffer()!,
      indices: gl.createBuffer()!,
      vao: gl.createVertexArray()!,
    };
  }

  /** The program for the map's current projection, compiled the first time that projection is drawn. */
  private programFor(res: GlResources, shaderData: CustomRenderMethodInput['shaderData']): FlowProgram {
    const cached = res.programs.get(shaderData.variantName);
    if (cached) return cached;
    const { gl } = res;
    const program = gl.createProgram()!;
    const sources = [[gl.VERTEX_SHADER, vertexShader(shaderData.vertexShaderPrelude, shaderData.define)], [gl.FRAGMENT_SHADER, FRAGMENT_SHADER]] as const;
    for (const [type, source] of sources) {
      const shader = gl.createShader(type)!;
      gl.shaderSource(shader, source);
      gl.compileShader(shader);
      if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS) && !gl.isContextLost()) {
        throw new Error(`flow layer shader (${shaderData.variantName}): ${gl.getShaderInfoLog(shader)}`);
      }
      gl.attachShader(program, shader);
      gl.deleteShader(shader);
    }
    ATTRIBUTES.forEach((name, location) => gl.bindAttribLocation(program, location, name));
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS) && !gl.isContextLost()) {
      throw new Error(`flow layer program (${shaderData.variantName}): ${gl.getProgramInfoLog(program)}`);
    }
    const uniforms = Object.fromEntries(UNIFORMS.map((name) => [name, gl.getUniformLocation(program, name)])) as FlowProgram['uniforms'];
    const compiled = { program, uniforms, globe: /\bGLOBE\b/.test(shaderData.define) };
    res.programs.set(shaderData.variantName, compiled);
    return compiled;
  }

  private upload(res: GlResources): void {
    const { gl } = res;
    const { points, styles, indices } = this.buffers;
    const location = (name: (typeof ATTRIBUTES)[number]) => ATTRIBUTES.indexOf(name);
    gl.bindVertexArray(res.vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, res.points);
    gl.bufferData(gl.ARRAY_BUFFER, points, gl.STATIC_DRAW);
    // Vertex v reads its point at entry v + 2, the previous point at v and the next at v + 4.
    (['a_prev', 'a_pos', 'a_next'] as const).forEach((name, i) => {
      gl.enableVertexAttribArray(location(name));
      gl.vertexAttribPointer(location(name), POINT_FLOATS, gl.FLOAT, false, POINT_BYTES, i * 2 * POINT_BYTES);
    });
    gl.bindBuffer(gl.ARRAY_BUFFER, res.styles);
    gl.bufferData(gl.ARRAY_BUFFER, styles, gl.STATIC_DRAW);
    const attributes: Array<[(typeof ATTRIBUTES)[number], number, number, boolean, number]> = [
      ['a_slot', 1, gl.UNSIGNED_BYTE, false, 0],
      ['a_emphasis', 1, gl.UNSIGNED_BYTE, true, 1],
      ['a_width', 1, gl.UNSIGNED_SHORT, false, 4],
      ['a_flags', 1, gl.UNSIGNED_BYTE, false, 6],
    ];
    for (const [name, size, type, normalized, offset] of attributes) {
      gl.enableVertexAttribArray(location(name));
      gl.vertexAttribPointer(location(name), size, type, normalized, STYLE_BYTES, offset);
    }
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, res.indices);
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, indices, gl.STATIC_DRAW);
    gl.bindVertexArray(null);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
  }
}

/** Whether the map is drawn on the globe (then screen distances are not Mercator distances). */
export function isGlobe(map: MapLibreMap): boolean {
  return map.getProjection()?.type === 'globe';
}

/** The map's projection as picking and occlusion tests use it. */
export function screenProjection(map: MapLibreMap): ScreenProjection {
  return {
    project: (lngLat) => {
      const { x, y } = map.project(lngLat);
      return [x, y];
    },
    unproject: (point) => {
      const { lng, lat } = map.unproject([point.x, point.y]);
      return [lng, lat];
    },
  };
}

/** WebGL takes 32-bit matrices; MapLibre gives custom layers 64-bit ones where it can. */
function float32(matrix: ArrayLike<number>): Float32Array {
  return matrix instanceof Float32Array ? matrix : new Float32Array(matrix);
}
