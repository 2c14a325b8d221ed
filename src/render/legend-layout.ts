/**
 * Where the legend's sections go under the map in an exported picture: each section's box, the
 * boxes left to right (wrapping to a new row on a narrow map), notes wrapped to a width. Shared by
 * the PNG's canvas (ui/image-export.ts, which measures text with the canvas) and the SVG
 * (render/svg.ts, which estimates it: there is no DOM to measure with). Pure.
 */
import { LEGEND_LINE_LENGTH, legendLabelPositions, type LegendSection } from '../model/legend.js';

export const PADDING = 12;
export const ROW = 18;
export const TITLE = 18;
export const NOTE_LINE = 15;
export const SECTION_GAP = 28;
export const SWATCH_WIDTH = LEGEND_LINE_LENGTH + 8;
/** A note (the cluster note, the transfers left out) wraps at this width or its section's, whichever is wider. */
export const NOTE_WIDTH = 240;

/** The width of a text in CSS px at a font size (and weight). */
export type MeasureText = (text: string, size: number, weight?: number) => number;

export interface LegendBox { x: number; y: number; width: number; height: number }

/** Greedy word wrap to `width` CSS px. */
export function wrapWords(text: string, width: number, size: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A section's size: title, nested circles with their labels, entries, wrapped notes. */
export function sectionSize(section: LegendSection, measure: MeasureText): { width: number; height: number } {
  let width = measure(section.title, 12, 600);
  for (const entry of section.entries) width = Math.max(width, SWATCH_WIDTH + measure(entry.label, 12));
  let height = TITLE + section.entries.length * ROW;
  if (section.circles.length) {
    const largest = section.circles[0].radius;
    const labels = Math.max(...section.circles.map((c) => measure(c.label, 11)));
    width = Math.max(width, largest * 2 + 14 + labels);
    const labelTops = legendLabelPositions(section.circles.map(({ radius }) => (largest - radius) * 2));
    height += Math.max(largest * 2, labelTops[labelTops.length - 1] + 6) + 8;
  }
  const noteLines = section.notes.flatMap((note) => wrapWords(note, Math.max(width, NOTE_WIDTH), 11, measure));
  for (const line of noteLines) width = Math.max(width, measure(line, 11));
  height += noteLines.length * NOTE_LINE + (noteLines.length ? 4 : 0);
  return { width: Math.ceil(width), height };
}

/** Sections left to right, wrapping to a new row when the picture is too narrow (a phone), and the legend's height. */
export function layoutLegend(sections: readonly LegendSection[], width: number, measure: MeasureText): { boxes: LegendBox[]; height: number } {
  const boxes: LegendBox[] = [];
  let x = PADDING;
  let y = PADDING;
  let rowHeight = 0;
  for (const box of sections.map((section) => sectionSize(section, measure))) {
    if (x > PADDING && x + box.width > width - PADDING) {
      x = PADDING;
      y += rowHeight + 10;
      rowHeight = 0;
    }
    boxes.push({ x, y, ...box });
    x += box.width + SECTION_GAP;
    rowHeight = Math.max(rowHeight, box.height);
  }
  return { boxes, height: boxes.length ? Math.max(...boxes.map((b) => b.y + b.height)) + PADDING : 0 };
}
