/**
 * The map part of the picture (countries, shading, arcs, circles, clusters, labels) drawn straight
 * onto a 2D canvas from the same geometry as the SVG document (render/svg.ts draws the same marks
 * in the same order). The preview uses it: drawing paths onto a canvas costs a phone a fraction of
 * writing an SVG document, parsing it back and rasterising it. No legend: the element shows its own.
 */
import { PALETTES, type Theme } from '../encodings/palette.js';
import {
  CLUSTER_FILL_OPACITY, CLUSTER_STROKE_WIDTH, FACILITY_FILL_OPACITY, FACILITY_STROKE_WIDTH, UNKNOWN_RING_WIDTH,
} from '../encodings/mark-styles.js';
import { formatNumber, type Lang } from '../i18n/reader-strings.js';
import { LABEL_FONT_SIZE, type StaticMapGeometry } from '../render/geometry.js';
import { arrowhead } from '../render/svg.js';

export interface CanvasMapStyle {
  theme: Theme;
  lang: Lang;
  /** Behind the map: the sea, or space around the globe. */
  background: string;
  font: string;
}

/** Draws `g` onto `context`, whose canvas is `g.width × g.height` CSS px at `scale` device px each. */
export function drawMapOnCanvas(context: CanvasRenderingContext2D, g: StaticMapGeometry, style: CanvasMapStyle, scale: number): void {
  const palette = PALETTES[style.theme];
  context.setTransform(scale, 0, 0, scale, 0, 0);
  context.fillStyle = g.sphere ? style.background : palette.basemap.sea;
  context.fillRect(0, 0, g.width, g.height);
  context.lineJoin = 'round';
  if (g.sphere) {
    const sphere = new Path2D(g.sphere);
    context.fillStyle = palette.basemap.sea;
    context.fill(sphere);
    context.strokeStyle = palette.basemap.coastline;
    context.lineWidth = 1;
    context.stroke(sphere);
  }
  context.strokeStyle = palette.basemap.coastline;
  context.lineWidth = 0.5;
  for (const country of g.countries) {
    const path = new Path2D(country.d);
    context.fillStyle = country.fill;
    context.fill(path);
    context.stroke(path);
  }
  if (g.borders) {
    context.strokeStyle = palette.basemap.border;
    context.lineWidth = 0.6;
    context.lineCap = 'round';
    context.stroke(new Path2D(g.borders));
  }

  for (const arc of g.arcs) {
    context.globalAlpha = arc.opacity;
    context.strokeStyle = arc.color;
    context.lineWidth = arc.width;
    context.lineCap = arc.linecap;
    context.setLineDash(arc.dasharray ? arc.dasharray.split(/[\s,]+/).map(Number) : []);
    context.stroke(new Path2D(arc.d));
    if (arc.arrowLength > 0) {
      context.fillStyle = arc.color;
      context.fill(new Path2D(arrowhead(arc)));
    }
  }
  context.setLineDash([]);

  const stroke = palette.markStroke;
  for (const c of g.clusters) disc(context, c, CLUSTER_FILL_OPACITY, stroke, CLUSTER_STROKE_WIDTH);
  context.font = `11px ${style.font}`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillStyle = stroke;
  for (const c of g.clusters) context.fillText(formatNumber(c.cluster.count, style.lang), c.cx, c.cy);
  for (const c of g.circles) {
    if (c.hollow) {
      circle(context, c.cx, c.cy, c.r);
      context.strokeStyle = c.color;
      context.lineWidth = UNKNOWN_RING_WIDTH;
      context.stroke();
    } else {
      disc(context, c, FACILITY_FILL_OPACITY, stroke, FACILITY_STROKE_WIDTH);
    }
  }

  context.font = `${LABEL_FONT_SIZE}px ${style.font}`;
  context.lineWidth = 3.2;
  context.strokeStyle = palette.storyLabel.halo;
  context.fillStyle = palette.storyLabel.text;
  for (const label of g.labels) {
    context.textAlign = label.anchor === 'start' ? 'left' : 'right';
    // The halo under the letters, as SVG's `paint-order: stroke`.
    context.strokeText(label.text, label.x, label.y);
    context.fillText(label.text, label.x, label.y);
  }
  context.globalAlpha = 1;
}

/** A circle filled in its colour at `fillOpacity`, outlined opaque (as the SVG's `fill-opacity` and `stroke`). */
function disc(context: CanvasRenderingContext2D, c: { cx: number; cy: number; r: number; color: string }, fillOpacity: number, stroke: string, strokeWidth: number): void {
  circle(context, c.cx, c.cy, c.r);
  context.globalAlpha = fillOpacity;
  context.fillStyle = c.color;
  context.fill();
  context.globalAlpha = 1;
  context.strokeStyle = stroke;
  context.lineWidth = strokeWidth;
  context.stroke();
}

function circle(context: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  context.beginPath();
  context.arc(x, y, r, 0, 2 * Math.PI);
}
