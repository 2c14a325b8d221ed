/**
 * The scales every mark uses. Marks (map layers, SVG fallback, legends) receive values already
 * scaled, from the model, and never build scales of their own, so the map and its legend cannot
 * disagree.
 */
import { max } from 'd3-array';
import { scaleOrdinal, scaleSqrt, scaleThreshold, type ScaleOrdinal, type ScalePower, type ScaleThreshold } from 'd3-scale';
import { FACILITY_STATUSES, type Facility, type FacilityStatus } from '../data/types.js';
import { PALETTES, type Theme } from './palette.js';

import { DEFAULT_MAX_RADIUS } from './shell.js';

/**
 * Circle radius by capacity: area proportional to capacity, so radius ∝ √capacity, on a
 * zero-based domain (a 0-place facility has no area). The largest capacity gets `maxRadius`.
 */
export function capacityRadius(facilities: readonly Facility[], maxRadius = DEFAULT_MAX_RADIUS): ScalePower<number, number> {
  const largest = max(facilities, (f) => f.capacity) ?? 0;
  return scaleSqrt().domain([0, largest > 0 ? largest : 1]).range([0, maxRadius]);
}

/**
 * Reference values for the legend's nested circles: the largest capacity and about a quarter and
 * a sixteenth of it (radii about 1 : 1/2 : 1/4), each rounded to one significant figure.
 */
export function legendCapacities(radius: ScalePower<number, number>): number[] {
  const largest = radius.domain()[1];
  const values = [largest, largest / 4, largest / 16].map(roundToOneFigure).filter((v) => v > 0);
  return [...new Set(values)];
}

function roundToOneFigure(value: number): number {
  if (value <= 0) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return Math.max(1, Math.round(value / magnitude) * magnitude);
}

/**
 * Facility status colours: Okabe & Ito's colour-blind-safe palette, chosen so that the states a
 * reader compares most (operational vs under construction vs on hold) differ in hue and lightness.
 * The same in both themes; a page may set its own with `--prison-map-status-*`.
 */
export const STATUS_COLORS: Record<FacilityStatus, string> = {
  operational: '#D55E00',
  'under-construction': '#0072B2',
  planned: '#56B4E9',
  'on-hold': '#E69F00',
  cancelled: '#7f7f7f',
};

/** The status palette, with any colours the page set (`--prison-map-status-*`) in place of ours. */
export function statusColor(overrides: Partial<Record<FacilityStatus, string>> = {}): ScaleOrdinal<FacilityStatus, string> {
  return scaleOrdinal<FacilityStatus, string>()
    .domain(FACILITY_STATUSES)
    .range(FACILITY_STATUSES.map((s) => overrides[s] || STATUS_COLORS[s]));
}

/** Width of the thinnest arc (count 0, or unknown count), in CSS px. */
export const MIN_FLOW_WIDTH = 1.5;
export const DEFAULT_MAX_FLOW_WIDTH = 8;
/** Width of an arc whose count is unknown: the thinnest, so it never claims a size it lacks. */
export const UNKNOWN_COUNT_WIDTH = MIN_FLOW_WIDTH;

/**
 * Arc width by count: a square-root scale on a zero-based domain (wide arcs would otherwise
 * swamp the map), from {@link MIN_FLOW_WIDTH} at 0 to `maxWidthPx` at `largestCount` (the largest
 * count a view draws; a level may then shrink every width by one factor, its ink cap).
 */
export function flowWidth(largestCount: number, maxWidthPx = DEFAULT_MAX_FLOW_WIDTH): ScalePower<number, number> {
  return scaleSqrt().domain([0, largestCount > 0 ? largestCount : 1]).range([MIN_FLOW_WIDTH, maxWidthPx]).clamp(true);
}

/** Occupancy class breaks in percent: <100, 100–150, 150–200, 200–250, ≥250. 100 % is a full prison system. */
export const OCCUPANCY_THRESHOLDS = [100, 150, 200, 250] as const;

/** Occupancy in percent → fill colour, for the given theme. */
export function occupancyColor(theme: Theme = 'light'): ScaleThreshold<number, string> {
  return scaleThreshold<number, string>()
    .domain([...OCCUPANCY_THRESHOLDS])
    .range([...PALETTES[theme].occupancy]);
}
