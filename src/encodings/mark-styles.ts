/**
 * How marks are drawn, in CSS px and opacities: facility circles and their rings, and the arcs'
 * dots, dashes and arrowheads. One table for every writer: the MapLibre circle layers, the flow
 * layer's shader (the numbers are written into its GLSL source as constants), the static SVG
 * picture and the legends' swatches. Widths and colours themselves come from scales.ts and
 * palette.ts.
 */

/** Fill opacity of a facility's circle. */
export const FACILITY_FILL_OPACITY = 0.72;
/** Edge of a facility's circle. */
export const FACILITY_STROKE_WIDTH = 1;
/** Fill opacity of a cluster's circle (lighter: it stands for several). */
export const CLUSTER_FILL_OPACITY = 0.62;
/** Edge of a cluster's circle (wider than a facility's). */
export const CLUSTER_STROKE_WIDTH = 2;
/** Stroke of the hollow ring drawn for a facility of unknown capacity. */
export const UNKNOWN_RING_WIDTH = 2.5;

/**
 * Arc patterns, as functions of the arc's width `w` (CSS px):
 * - dots (assistance): radius max(w / 2 + DOT_RADIUS_EXTRA, DOT_RADIUS_MIN), one every
 *   max(DOT_SPACING_MIN, w × DOT_SPACING_PER_WIDTH) px, twice as far apart when also dashed;
 * - dashes (considered): a period of max(DASH_PERIOD_MIN, w × DASH_PERIOD_PER_WIDTH) px, drawn for
 *   DASH_SHARE of it;
 * - arrowheads: half as wide as max(w × ARROW_HALF_PER_WIDTH + ARROW_HALF_EXTRA, ARROW_HALF_MIN),
 *   ARROW_LENGTH_PER_HALF times that long, one every max(ARROW_PERIOD_MIN, length × ARROW_PERIOD_PER_LENGTH) px.
 */
export const ARC_PATTERN = {
  DOT_RADIUS_EXTRA: 0.5,
  DOT_RADIUS_MIN: 1.5,
  DOT_SPACING_MIN: 6,
  DOT_SPACING_PER_WIDTH: 3,
  DOT_SPACING_DASHED_FACTOR: 2,
  DASH_PERIOD_MIN: 9,
  DASH_PERIOD_PER_WIDTH: 4,
  DASH_SHARE: 0.6,
  ARROW_HALF_PER_WIDTH: 0.9,
  ARROW_HALF_EXTRA: 1.5,
  ARROW_HALF_MIN: 3.5,
  ARROW_LENGTH_PER_HALF: 2.2,
  ARROW_PERIOD_MIN: 72,
  ARROW_PERIOD_PER_LENGTH: 5,
} as const;

const P = ARC_PATTERN;

/** Radius of one dot of a dotted arc `width` px wide. */
export function dotRadius(width: number): number {
  return Math.max(width / 2 + P.DOT_RADIUS_EXTRA, P.DOT_RADIUS_MIN);
}

/** Distance between the centres of two dots. */
export function dotSpacing(width: number, dashed: boolean): number {
  return Math.max(P.DOT_SPACING_MIN, width * P.DOT_SPACING_PER_WIDTH) * (dashed ? P.DOT_SPACING_DASHED_FACTOR : 1);
}

/** One dash and its gap. */
export function dashPeriod(width: number): number {
  return Math.max(P.DASH_PERIOD_MIN, width * P.DASH_PERIOD_PER_WIDTH);
}

/** Half the width of an arrowhead's base. */
export function arrowHalfWidth(width: number): number {
  return Math.max(width * P.ARROW_HALF_PER_WIDTH + P.ARROW_HALF_EXTRA, P.ARROW_HALF_MIN);
}

/** An arrowhead's length, base to tip. */
export function arrowLength(width: number): number {
  return arrowHalfWidth(width) * P.ARROW_LENGTH_PER_HALF;
}

/**
 * How a 2D writer (SVG, canvas) strokes an arc: its stroke width, the dash array (px, empty for
 * a solid line) and the line cap; round caps on a `0 gap` dash array draw the dots.
 */
export function arcStroke(width: number, dotted: boolean, dashed: boolean): { strokeWidth: number; dash: number[]; cap: 'round' | 'butt' } {
  if (dotted) return { strokeWidth: dotRadius(width) * 2, dash: [0, dotSpacing(width, dashed)], cap: 'round' };
  if (dashed) {
    const period = dashPeriod(width);
    return { strokeWidth: width, dash: [period * P.DASH_SHARE, period * (1 - P.DASH_SHARE)], cap: 'butt' };
  }
  return { strokeWidth: width, dash: [], cap: 'butt' };
}

/** A number as a GLSL float literal ("6.0", "0.9"). */
export function glslFloat(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/**
 * The area an arc `width` px wide inks per px of its length, as the shader draws it: the line
 * (its dashes or dots), one px of antialiased edge, and its arrowheads (one every arrow period).
 * What a level's ink cap adds up, so that it holds on screen, not only for width × length.
 */
export function arcInkPerPx(width: number, dotted: boolean, dashed: boolean): number {
  let line: number;
  if (dotted) {
    const r = dotRadius(width) + 0.5;
    line = (Math.PI * r * r) / dotSpacing(width, dashed);
  } else {
    line = (width + 1) * (dashed ? P.DASH_SHARE : 1);
  }
  const half = arrowHalfWidth(width) + 0.5;
  const length = arrowLength(width) + 0.5;
  const period = Math.max(P.ARROW_PERIOD_MIN, arrowLength(width) * P.ARROW_PERIOD_PER_LENGTH);
  return line + (half * length) / period;
}
