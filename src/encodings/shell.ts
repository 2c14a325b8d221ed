/**
 * The few encoding constants the element's shell needs before the pipeline chunk loads. Kept apart
 * from scales.ts so that importing them does not pull d3-scale into the page's first download.
 */

/** Radius in CSS px of the largest capacity before the map has a size (a 1000×600 map's). */
export const DEFAULT_MAX_RADIUS = 36;

/** The automatic radius never goes below this, so that small maps keep readable circles. */
export const MIN_AUTOMATIC_RADIUS = 12;

/**
 * The contract's default `max-radius`: 6% of the map's shorter side, at least 12 CSS px, in whole
 * pixels (floored, so that it never exceeds 6%, and so that a 1 px change of size rarely redraws).
 */
export function automaticMaxRadius(width: number, height: number): number {
  const shorter = Math.min(width, height);
  if (!(shorter > 0)) return DEFAULT_MAX_RADIUS;
  return Math.max(MIN_AUTOMATIC_RADIUS, Math.floor(shorter * 0.06 + 1e-9));
}

/** A `max-radius` the page set, if it is a usable radius. */
export function fixedMaxRadius(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const radius = Number(value);
  return Number.isFinite(radius) && radius > 0 ? radius : undefined;
}
