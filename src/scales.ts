/**
 * The scales every mark uses. Marks (map layers, legend) receive values already scaled and never
 * build scales of their own, so the map and its legend cannot disagree.
 */
import { max } from 'd3-array';
import { scaleOrdinal, scaleSqrt, type ScaleOrdinal, type ScalePower } from 'd3-scale';
import { FACILITY_STATUSES, type Facility, type FacilityStatus } from './data/types.js';

export const DEFAULT_MAX_RADIUS = 36;

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
