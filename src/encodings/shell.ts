/**
 * The few encoding constants the element's shell needs before the pipeline chunk loads. Kept apart
 * from scales.ts so that importing them does not pull d3-scale into the page's first download.
 */

/** Radius in CSS px of the largest capacity, when `max-radius` is absent or invalid. */
export const DEFAULT_MAX_RADIUS = 36;
