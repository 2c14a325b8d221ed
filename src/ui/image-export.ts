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
import type { Lang } from '../i18n/strings.js';
import { LEGEND_LINE_LENGTH, describeLegend, legendLabelPositions, type LegendSection, type LegendSwatch } from '../model/legend.js';
import type { ViewLevel } from '../model/level.js';
import type { ModelData, LegendModel } from '../model/model.js';
import { NOTE_LINE, NOTE_WIDTH, PADDING, ROW, SWATCH_WIDTH, TITLE, layoutLegend, wrapWords, type MeasureText } from '../render/legend-layout.js';
import { creditText } from '../render/credit.js';

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

export async function composeImage(request: ImageRequest): Promise<Blob> {
  const { width, height, pixelRatio, colors, lang } = request;
  const font = (size: number, weight = 400) => `${weight} ${size}px ${colors.font}`;
  const measure = document.createElement('canvas').getContext('2d')!;

  const measureText: MeasureText = (text, size, weight) => {
    measure.font = font(size, weight);
    return measure.measureText(text).width;
  };
  const sections = request.legend ? describeLegend(request.legend.model, request.legend.level, lang, request.theme).sections : [];
  const { boxes: placed, height: legendHeight } = layoutLegend(sections, width, measureText);
  const creditLines = wrapWords(creditText(request.data, lang), width - 2 * PADDING, 11, measureText);
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
  sections.forEach((section, i) => drawSection(context, section, placed[i], height, colors, font, measureText));
  context.font = font(11);
  context.fillStyle = colors.muted;
  context.textBaseline = 'alphabetic';
  creditLines.forEach((line, i) => context.fillText(line, PADDING, height + legendHeight + 12 + i * 15));

  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))), 'image/png'));
}

function drawSection(
  context: CanvasRenderingContext2D, section: LegendSection, box: { x: number; y: number; width: number }, mapHeight: number, colors: ImageColors,
  font: (size: number, weight?: number) => string, measure: MeasureText,
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
  const lines = section.notes.flatMap((note) => wrapWords(note, Math.max(box.width, NOTE_WIDTH), 11, measure));
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
