/**
 * The map as one standalone SVG document, as a string: `toImage({type: 'image/svg+xml'})` and
 * `prison-map render` write it. Drawn from the same geometry as the no-WebGL picture
 * (render/geometry.ts) and the same legend description as the HTML and PNG legends
 * (model/legend.ts), with the map's label as `<title>`, the data's summary as `<desc>`, and a
 * credit line naming the data's publishers. Vector only: no `<image>`, no `<foreignObject>`, so it
 * opens in Illustrator or Inkscape as shapes and text. Pure: no DOM, runs in Node.
 *
 * Every text from the data goes through {@link escapeXml}: it can never become markup.
 */
import { PALETTES, type Theme } from '../encodings/palette.js';
import {
  CLUSTER_FILL_OPACITY, CLUSTER_STROKE_WIDTH, FACILITY_FILL_OPACITY, FACILITY_STROKE_WIDTH, UNKNOWN_RING_WIDTH,
} from '../encodings/mark-styles.js';
import { facilityDisplayName } from '../i18n/names.js';
import { formatNumber, type Lang } from '../i18n/reader-strings.js';
import { LEGEND_LINE_LENGTH, describeLegend, legendLabelPositions, type LegendSection, type LegendSwatch } from '../model/legend.js';
import {
  NOTE_LINE, NOTE_WIDTH, PADDING, ROW, SWATCH_WIDTH, TITLE, layoutLegend, wrapWords, type LegendBox, type MeasureText,
} from './legend-layout.js';
import { summaryText } from '../model/summary.js';
import { creditText } from './credit.js';
import { LABEL_FONT_SIZE, estimatedTextWidth, round, staticMapGeometry, type StaticArc, type StaticMapGeometry, type StaticMapGeometryInput } from './geometry.js';

/** The colours of the text and panel around the map: the element's own (its CSS custom properties) when it has them. */
export interface PictureColors {
  text: string;
  muted: string;
  panel: string;
  /** Behind the map: the sea, or space around the globe. */
  background: string;
  font: string;
}

/** The element's defaults (ui/styles.ts), for a picture made without an element (`prison-map render`). */
export const DEFAULT_PICTURE_COLORS: Record<Theme, Omit<PictureColors, 'background'>> = {
  light: { text: '#1c2330', muted: '#4a5568', panel: '#ffffff', font: "'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif" },
  dark: { text: '#e8edf3', muted: '#b4bfcc', panel: '#121822', font: "'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif" },
};

export interface SvgMapInput extends StaticMapGeometryInput {
  lang: Lang;
  /** The map's accessible name: the document's `<title>`. */
  label: string;
  /** Draw the legend under the map (the element's `no-legend` turns it off). Default true. */
  legend?: boolean;
  colors?: Partial<PictureColors>;
}

export interface SvgMap {
  svg: string;
  geometry: StaticMapGeometry;
  /** The whole picture's size: the map, then the legend and the credit under it. */
  width: number;
  height: number;
}

/** Text as XML character data or an attribute value: `&`, `<`, `>`, quotes escaped; characters XML forbids dropped. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** An element with escaped attribute values (undefined ones left out) and raw, already-escaped content. */
function el(name: string, attrs: Record<string, string | number | undefined>, content?: string): string {
  const a = Object.entries(attrs).filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`).join('');
  return content === undefined ? `<${name}${a}/>` : `<${name}${a}>${content}</${name}>`;
}

/** Text widths without a DOM: estimated. */
const estimate: MeasureText = (text, size) => estimatedTextWidth(text, size);

/** The map as an SVG document (a string), with its geometry and size. */
export function renderSvgMap(input: SvgMapInput): SvgMap {
  const { lang, theme, width, height } = input;
  const g = staticMapGeometry(input);
  const palette = PALETTES[theme];
  const colors: PictureColors = {
    ...DEFAULT_PICTURE_COLORS[theme], background: palette.basemap.sea,
    ...Object.fromEntries(Object.entries(input.colors ?? {}).filter(([, v]) => v)),
  };
  const sections = input.legend === false ? [] : describeLegend(input.model.legend, g.level, lang, theme).sections;
  const legend = layoutLegend(sections, width, estimate);
  const creditLines = wrapWords(creditText(input.model.data, lang), width - 2 * PADDING, 11, estimate);
  const total = height + legend.height + creditLines.length * 15 + PADDING;

  const parts: string[] = [];
  parts.push(el('title', {}, escapeXml(input.label)));
  parts.push(el('desc', {}, escapeXml(summaryText(input.model.data, lang))));
  parts.push(el('defs', {}, el('clipPath', { id: 'map-clip' }, el('rect', { width, height }))));
  parts.push(el('rect', { class: 'background', width, height: total, fill: colors.panel }));

  const map: string[] = [];
  map.push(el('rect', { class: 'space', width, height, fill: input.projection === 'globe' ? (colors.background) : palette.basemap.sea }));
  if (g.sphere) map.push(el('path', { class: 'sea sphere', d: g.sphere, fill: palette.basemap.sea, stroke: palette.basemap.coastline }));
  map.push(el('g', { class: 'land', stroke: palette.basemap.coastline, 'stroke-width': 0.5, 'stroke-linejoin': 'round' },
    g.countries.map((c) => el('path', { 'data-iso3': c.iso3, d: c.d, fill: c.fill })).join('')));
  if (g.borders) map.push(el('path', { class: 'borders', d: g.borders, fill: 'none', stroke: palette.basemap.border, 'stroke-width': 0.6, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' }));
  // Arrowheads as shapes of their own (not markers, which editors and resvg handle unevenly).
  map.push(el('g', { class: 'transfers', fill: 'none' }, g.arcs.map((arc) => el('path', {
    class: 'transfer', 'data-id': arc.transfer.id, d: arc.d, stroke: arc.color, 'stroke-opacity': arc.opacity, 'stroke-width': arc.width,
    'stroke-linecap': arc.linecap, 'stroke-linejoin': 'round', 'stroke-dasharray': arc.dasharray,
  }) + (arc.arrowLength === 0 ? '' : el('path', { class: 'arrow', 'data-id': arc.transfer.id, d: arrowhead(arc), fill: arc.color, 'fill-opacity': arc.opacity }))).join('')));
  const stroke = palette.markStroke;
  map.push(el('g', { class: 'facilities' }, [
    ...g.clusters.map((c) => el('g', { class: 'cluster', 'data-cluster': c.cluster.key },
      el('circle', { cx: c.cx, cy: c.cy, r: c.r, fill: c.color, 'fill-opacity': CLUSTER_FILL_OPACITY, stroke, 'stroke-width': CLUSTER_STROKE_WIDTH })
      + el('text', { x: c.cx, y: c.cy, 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': 11, fill: stroke }, escapeXml(formatNumber(c.cluster.count, lang))))),
    ...g.circles.map((c) => el('circle', {
      class: c.hollow ? 'facility unknown-capacity' : 'facility', 'data-id': c.facility.id, 'data-name': facilityDisplayName(c.facility, lang),
      cx: c.cx, cy: c.cy, r: c.r, ...(c.hollow
        ? { fill: 'none', stroke: c.color, 'stroke-width': UNKNOWN_RING_WIDTH }
        : { fill: c.color, 'fill-opacity': FACILITY_FILL_OPACITY, stroke, 'stroke-width': FACILITY_STROKE_WIDTH }),
    }, el('title', {}, escapeXml(facilityDisplayName(c.facility, lang))))),
  ].join('')));
  map.push(el('g', {
    class: 'labels', 'font-size': LABEL_FONT_SIZE, fill: palette.storyLabel.text, stroke: palette.storyLabel.halo, 'stroke-width': 3.2, 'paint-order': 'stroke', 'stroke-linejoin': 'round',
  }, g.labels.map((l) => el('text', { class: 'label', 'data-id': l.facility.id, x: l.x, y: l.y, 'text-anchor': l.anchor, 'dominant-baseline': 'central' }, escapeXml(l.text))).join('')));
  parts.push(el('g', { class: 'map', 'clip-path': 'url(#map-clip)' }, map.join('')));

  parts.push(el('g', { class: 'legend', transform: `translate(0 ${height})` }, sections.map((s, i) => legendSection(s, legend.boxes[i], colors)).join('')));
  parts.push(el('g', { class: 'credit', 'font-size': 11, fill: colors.muted },
    creditLines.map((line, i) => el('text', { x: PADDING, y: height + legend.height + 12 + i * 15 }, escapeXml(line))).join('')));

  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${el('svg', {
    xmlns: 'http://www.w3.org/2000/svg', width, height: total, viewBox: `0 0 ${width} ${total}`, role: 'img', lang,
    'font-family': colors.font, 'data-zoom': round(g.zoom), 'data-level': g.level.zoom,
  }, parts.join('\n'))}\n`;
  return { svg, geometry: g, width, height: total };
}

/**
 * An arc's arrowhead: its tip `arrowInset` px before the arc's end, along the last segment (as the
 * no-WebGL picture's marker), `arrowLength` long and twice `arrowHalfWidth` wide.
 */
export function arrowhead(arc: Pick<StaticArc, 'points' | 'arrowInset' | 'arrowLength' | 'arrowHalfWidth'>): string {
  const [ax, ay] = arc.points[arc.points.length - 2];
  const [bx, by] = arc.points[arc.points.length - 1];
  const length = Math.hypot(bx - ax, by - ay) || 1;
  const [dx, dy] = [(bx - ax) / length, (by - ay) / length];
  const tip = [bx - dx * arc.arrowInset, by - dy * arc.arrowInset];
  const base = [tip[0] - dx * arc.arrowLength, tip[1] - dy * arc.arrowLength];
  const [px, py] = [-dy * arc.arrowHalfWidth, dx * arc.arrowHalfWidth];
  return `M${round(tip[0])},${round(tip[1])}L${round(base[0] + px)},${round(base[1] + py)}L${round(base[0] - px)},${round(base[1] - py)}Z`;
}

function legendSection(section: LegendSection, box: LegendBox, colors: PictureColors): string {
  const out: string[] = [];
  const text = (x: number, y: number, value: string, size: number, fill: string, weight?: number) =>
    el('text', { x: round(x), y: round(y), 'font-size': size, 'font-weight': weight, fill, 'dominant-baseline': 'central' }, escapeXml(value));
  out.push(text(box.x, box.y + 7, section.title, 12, colors.text, 600));
  let top = box.y + TITLE;
  if (section.circles.length) {
    const largest = section.circles[0].radius;
    const cx = box.x + largest + 1;
    const bottom = top + largest * 2 + 2;
    const labels = legendLabelPositions(section.circles.map(({ radius }) => bottom - radius * 2));
    section.circles.forEach(({ label, radius }, i) => {
      out.push(el('circle', { cx: round(cx), cy: round(bottom - radius), r: round(radius), fill: 'none', stroke: colors.muted }));
      out.push(el('polyline', {
        points: `${round(cx)},${round(bottom - radius * 2)} ${round(box.x + largest * 2 + 4)},${round(bottom - radius * 2)} ${round(box.x + largest * 2 + 8)},${round(labels[i])}`,
        fill: 'none', stroke: colors.muted, 'stroke-dasharray': '2 2',
      }));
      out.push(text(box.x + largest * 2 + 10, labels[i], label, 11, colors.text));
    });
    top = Math.max(bottom, labels[labels.length - 1] + 6) + 6;
  }
  section.entries.forEach((entry, i) => {
    const middle = top + i * ROW + ROW / 2;
    out.push(swatch(entry.swatch, box.x, middle, colors));
    out.push(text(box.x + SWATCH_WIDTH, middle, entry.label, 12, colors.text));
  });
  top += section.entries.length * ROW + 4;
  const lines = section.notes.flatMap((note) => wrapWords(note, Math.max(box.width, NOTE_WIDTH), 11, estimate));
  lines.forEach((line, i) => out.push(text(box.x, top + i * NOTE_LINE + NOTE_LINE / 2, line, 11, colors.muted)));
  return el('g', { class: `legend-section ${section.kind}` }, out.join(''));
}

function swatch(s: LegendSwatch, x: number, middle: number, colors: PictureColors): string {
  switch (s.kind) {
    case 'disc':
      return el('circle', { cx: x + 7, cy: round(middle), r: s.radius, fill: s.color, 'fill-opacity': s.fillOpacity, stroke: s.color, 'stroke-width': s.strokeWidth });
    case 'ring':
      return el('circle', { cx: x + 7, cy: round(middle), r: s.radius, fill: 'none', stroke: s.color ?? colors.muted, 'stroke-width': s.strokeWidth });
    case 'square':
      return el('rect', {
        x: x + 7 - s.size / 2, y: round(middle - s.size / 2), width: s.size, height: s.size, rx: s.cornerRadius,
        fill: s.color, stroke: colors.muted, 'stroke-opacity': s.strokeOpacity,
      });
    default:
      return el('line', {
        x1: x + 2, y1: round(middle), x2: x + 2 + LEGEND_LINE_LENGTH, y2: round(middle), stroke: s.color, 'stroke-opacity': s.opacity,
        'stroke-width': round(s.width), 'stroke-linecap': s.cap, 'stroke-dasharray': s.dash.length ? s.dash.map(round).join(' ') : undefined,
      });
  }
}
