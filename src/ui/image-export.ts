/**
 * `toImage()`: what the reader sees as one PNG — the map, the legend under it and a credit line
 * naming the data's sources — in the current language and theme, at the device's pixel ratio.
 *
 * The legend is drawn with the 2D canvas API from the same legend description the HTML legend
 * renders (model/legend.ts: the model's legend and the level the map shows), not by rasterising
 * the shadow DOM, which a strict CSP or a tainted canvas would stop; so the image says what the
 * map draws, in the same words. Text is measured with the canvas in the page's language's words,
 * as drawn. Loaded lazily: only a reader who asks for an image pays for it.
 */
import type { Theme } from '../encodings/palette.js';
import { strings as shellStrings, type Lang } from '../i18n/strings.js';
import { LEGEND_LINE_LENGTH, describeLegend, type LegendSection, type LegendSwatch } from '../model/legend.js';
import type { ViewLevel } from '../model/level.js';
import type { ModelData, LegendModel } from '../model/model.js';
import { legendLabelPositions } from './legend.js';

/** The element's resolved colours (its CSS custom properties, so a page's overrides apply). */
export interface ImageColors {
  text: string;
  muted: string;
  panel: string;
  background: string;
  font: string;
}

export interface ImageRequest {
  /** CSS px of the map area. */
  width: number;
  height: number;
  pixelRatio: number;
  /** Draws the map into the context at (0, 0) at the map's CSS size (the context is already scaled). */
  drawMap(context: CanvasRenderingContext2D): void;
  /** The model's legend and the level the map (or the no-WebGL picture) draws; absent with `no-legend`. */
  legend?: { model: LegendModel; level: ViewLevel | undefined };
  data: ModelData;
  lang: Lang;
  theme: Theme;
  colors: ImageColors;
}

const PADDING = 12;
const ROW = 18;
const TITLE = 18;
const NOTE_LINE = 15;
const SECTION_GAP = 28;
const SWATCH_WIDTH = LEGEND_LINE_LENGTH + 8;
/** A note (the cluster note, the transfers left out) wraps at this width or its section's, whichever is wider. */
const NOTE_WIDTH = 240;

/** Who published the data: publishers (else web hosts) of every source, most cited first. */
export function sourceNames(data: ModelData): string[] {
  const counts = new Map<string, number>();
  for (const record of [...data.facilities, ...data.transfers, ...data.countries]) {
    for (const source of record.sources) {
      const name = source.publisher?.trim() || hostOf(source.url);
      if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

export async function composeImage(request: ImageRequest): Promise<Blob> {
  const { width, height, pixelRatio, colors, lang } = request;
  const font = (size: number, weight = 400) => `${weight} ${size}px ${colors.font}`;
  const measure = document.createElement('canvas').getContext('2d')!;

  const sections = request.legend ? describeLegend(request.legend.model, request.legend.level, lang, request.theme).sections : [];
  const boxes = sections.map((section) => sectionBox(section, measure, font));
  const placed = flowLayout(boxes, width);
  const legendHeight = placed.length ? Math.max(...placed.map((p) => p.y + p.height)) + PADDING : 0;
  const sources = sourceNames(request.data);
  const credit = shellStrings(lang).imageCredit(sources.length ? sources.join(', ') : '—');
  measure.font = font(11);
  const creditLines = wrap(credit, width - 2 * PADDING, measure);
  const creditHeight = creditLines.length * 15 + PADDING;

  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * pixelRatio);
  canvas.height = Math.round((height + legendHeight + creditHeight) * pixelRatio);
  const context = canvas.getContext('2d')!;
  context.scale(pixelRatio, pixelRatio);
  context.fillStyle = colors.background;
  context.fillRect(0, 0, width, height);
  request.drawMap(context);

  context.fillStyle = colors.panel;
  context.fillRect(0, height, width, legendHeight + creditHeight);
  sections.forEach((section, i) => drawSection(context, section, placed[i], height, colors, font, measure));
  context.font = font(11);
  context.fillStyle = colors.muted;
  context.textBaseline = 'alphabetic';
  creditLines.forEach((line, i) => context.fillText(line, PADDING, height + legendHeight + 12 + i * 15));

  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))), 'image/png'));
}

function sectionBox(section: LegendSection, measure: CanvasRenderingContext2D, font: (size: number, weight?: number) => string): { width: number; height: number } {
  measure.font = font(12, 600);
  let width = measure.measureText(section.title).width;
  measure.font = font(12);
  for (const entry of section.entries) width = Math.max(width, SWATCH_WIDTH + measure.measureText(entry.label).width);
  let height = TITLE + section.entries.length * ROW;
  if (section.circles.length) {
    const largest = section.circles[0].radius;
    measure.font = font(11);
    const labels = Math.max(...section.circles.map((c) => measure.measureText(c.label).width));
    width = Math.max(width, largest * 2 + 14 + labels);
    const labelTops = legendLabelPositions(section.circles.map(({ radius }) => (largest - radius) * 2));
    height += Math.max(largest * 2, labelTops[labelTops.length - 1] + 6) + 8;
  }
  measure.font = font(11);
  const noteWidth = Math.max(width, NOTE_WIDTH);
  const noteLines = section.notes.flatMap((note) => wrap(note, noteWidth, measure));
  for (const line of noteLines) width = Math.max(width, measure.measureText(line).width);
  height += noteLines.length * NOTE_LINE + (noteLines.length ? 4 : 0);
  return { width: Math.ceil(width), height };
}

/** Sections left to right, wrapping to a new row when the image is too narrow (a phone). */
function flowLayout(boxes: Array<{ width: number; height: number }>, width: number): Array<{ x: number; y: number; width: number; height: number }> {
  const out: Array<{ x: number; y: number; width: number; height: number }> = [];
  let x = PADDING;
  let y = PADDING;
  let rowHeight = 0;
  for (const box of boxes) {
    if (x > PADDING && x + box.width > width - PADDING) {
      x = PADDING;
      y += rowHeight + 10;
      rowHeight = 0;
    }
    out.push({ x, y, ...box });
    x += box.width + SECTION_GAP;
    rowHeight = Math.max(rowHeight, box.height);
  }
  return out;
}

function drawSection(
  context: CanvasRenderingContext2D, section: LegendSection, box: { x: number; y: number; width: number }, mapHeight: number, colors: ImageColors,
  font: (size: number, weight?: number) => string, measure: CanvasRenderingContext2D,
): void {
  const x = box.x;
  context.textBaseline = 'middle';
  context.fillStyle = colors.text;
  context.font = font(12, 600);
  context.fillText(section.title, x, mapHeight + box.y + 7);
  let top = mapHeight + box.y + TITLE;
  if (section.circles.length) {
    const largest = section.circles[0].radius;
    const cx = x + largest + 1;
    const bottom = top + largest * 2 + 2;
    context.font = font(11);
    const labels = legendLabelPositions(section.circles.map(({ radius }) => bottom - radius * 2));
    for (const [i, { label, radius }] of section.circles.entries()) {
      context.strokeStyle = colors.muted;
      context.lineWidth = 1;
      context.beginPath();
      context.arc(cx, bottom - radius, radius, 0, Math.PI * 2);
      context.stroke();
      context.setLineDash([2, 2]);
      context.beginPath();
      context.moveTo(cx, bottom - radius * 2);
      context.lineTo(x + largest * 2 + 4, bottom - radius * 2);
      context.lineTo(x + largest * 2 + 8, labels[i]);
      context.stroke();
      context.setLineDash([]);
      context.fillStyle = colors.text;
      context.fillText(label, x + largest * 2 + 10, labels[i]);
    }
    top = Math.max(bottom, labels[labels.length - 1] + 6) + 6;
  }
  context.font = font(12);
  section.entries.forEach((entry, i) => {
    const middle = top + i * ROW + ROW / 2;
    drawSwatch(context, entry.swatch, x, middle, colors);
    context.fillStyle = colors.text;
    context.fillText(entry.label, x + SWATCH_WIDTH, middle);
  });
  top += section.entries.length * ROW + 4;
  // Notes as the HTML legend's, in its muted colour, wrapped as measured for the box.
  context.font = font(11);
  context.fillStyle = colors.muted;
  measure.font = font(11);
  const lines = section.notes.flatMap((note) => wrap(note, Math.max(box.width, NOTE_WIDTH), measure));
  lines.forEach((line, i) => context.fillText(line, x, top + i * NOTE_LINE + NOTE_LINE / 2));
}

function drawSwatch(context: CanvasRenderingContext2D, swatch: LegendSwatch, x: number, middle: number, colors: ImageColors): void {
  context.save();
  if (swatch.kind === 'disc' || swatch.kind === 'ring') {
    context.beginPath();
    context.arc(x + 7, middle, swatch.radius, 0, Math.PI * 2);
    if (swatch.kind === 'disc') {
      context.globalAlpha = swatch.fillOpacity;
      context.fillStyle = swatch.color;
      context.fill();
      context.globalAlpha = 1;
    }
    // A ring without a colour of its own takes the text's (muted here, as `currentColor` beside muted text).
    context.strokeStyle = swatch.color ?? colors.muted;
    context.lineWidth = swatch.strokeWidth;
    context.stroke();
  } else if (swatch.kind === 'square') {
    const at = 7 - swatch.size / 2;
    context.beginPath();
    context.roundRect(x + at, middle - swatch.size / 2, swatch.size, swatch.size, swatch.cornerRadius);
    context.fillStyle = swatch.color;
    context.fill();
    context.strokeStyle = colors.muted;
    context.globalAlpha = swatch.strokeOpacity;
    context.stroke();
  } else {
    context.strokeStyle = swatch.color;
    context.globalAlpha = swatch.opacity;
    context.lineWidth = swatch.width;
    context.lineCap = swatch.cap;
    context.setLineDash(swatch.dash);
    context.beginPath();
    context.moveTo(x + 2, middle);
    context.lineTo(x + 2 + LEGEND_LINE_LENGTH, middle);
    context.stroke();
  }
  context.restore();
}

/** Greedy word wrap to `width` CSS px. */
function wrap(text: string, width: number, measure: CanvasRenderingContext2D): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure.measureText(candidate).width > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}
