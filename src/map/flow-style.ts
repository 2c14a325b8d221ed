/**
 * How transfers look: line width by count, colour and pattern by kind, opacity and dashes by
 * status. The flow layer and the legend both read these, so they cannot disagree.
 */
import { max } from 'd3-array';
import { scaleSqrt, type ScalePower } from 'd3-scale';
import type { Transfer, TransferKind, TransferStatus } from '../data/types.js';

export type FlowTheme = 'light' | 'dark';

/** Width of the thinnest arc (count 0, or unknown count), in CSS px. */
export const MIN_FLOW_WIDTH = 1.5;
export const DEFAULT_MAX_FLOW_WIDTH = 8;
/** Width of an arc whose count is unknown: the thinnest, so it never claims a size it lacks. */
export const UNKNOWN_COUNT_WIDTH = MIN_FLOW_WIDTH;

/**
 * Arc width by count: a square-root scale on a zero-based domain (wide arcs would otherwise
 * swamp the map), from {@link MIN_FLOW_WIDTH} to `maxWidthPx` at the largest count.
 */
export function flowWidth(transfers: readonly Transfer[], maxWidthPx = DEFAULT_MAX_FLOW_WIDTH): ScalePower<number, number> {
  const largest = max(transfers, (t) => t.count) ?? 0;
  return scaleSqrt().domain([0, largest > 0 ? largest : 1]).range([MIN_FLOW_WIDTH, maxWidthPx]).clamp(true);
}

export interface FlowKindStyle {
  /** Colour by theme, CSS hex. */
  color: Record<FlowTheme, string>;
  /** Drawn as a row of dots rather than a line. */
  dotted: boolean;
}

export interface FlowStatusStyle {
  /** Multiplies the kind's colour alpha. */
  opacity: number;
  /** Drawn with gaps. */
  dashed: boolean;
  /** Not drawn unless it is the selected transfer. */
  hiddenUnlessSelected: boolean;
}

/**
 * Colours chosen to stay apart from the facility status palette (Okabe & Ito's vermillion,
 * blues and orange) and to read on both basemap themes: purple for people, teal for assistance.
 */
export const FLOW_KIND_STYLES: Readonly<Record<TransferKind, Readonly<FlowKindStyle>>> = {
  inmates: { color: { light: '#7b2d8e', dark: '#e0a3ee' }, dotted: false },
  assistance: { color: { light: '#00876c', dark: '#4fd1b0' }, dotted: true },
};

export const FLOW_STATUS_STYLES: Readonly<Record<TransferStatus, Readonly<FlowStatusStyle>>> = {
  active: { opacity: 0.95, dashed: false, hiddenUnlessSelected: false },
  agreed: { opacity: 0.55, dashed: false, hiddenUnlessSelected: false },
  considered: { opacity: 0.6, dashed: true, hiddenUnlessSelected: false },
  cancelled: { opacity: 0.45, dashed: true, hiddenUnlessSelected: true },
};

/** Outline drawn around the selected arc, by theme. */
export const FLOW_SELECTED_HALO: Readonly<Record<FlowTheme, string>> = {
  light: '#111111',
  dark: '#ffffff',
};

/** `#rgb`, `#rrggbb` or `#rrggbbaa` to straight (not premultiplied) RGBA in 0..1. */
export function hexToRgba(hex: string): [number, number, number, number] {
  let h = hex.trim().replace(/^#/, '');
  if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join('');
  if (!/^[0-9a-f]{6}([0-9a-f]{2})?$/i.test(h)) throw new Error(`not a hex colour: ${hex}`);
  const v = (i: number) => parseInt(h.slice(i, i + 2), 16) / 255;
  return [v(0), v(2), v(4), h.length === 8 ? v(6) : 1];
}

/** The colour of a transfer of this kind and status, as straight RGBA in 0..1. */
export function flowColor(kind: TransferKind, status: TransferStatus, theme: FlowTheme): [number, number, number, number] {
  const [r, g, b, a] = hexToRgba(FLOW_KIND_STYLES[kind].color[theme]);
  return [r, g, b, a * FLOW_STATUS_STYLES[status].opacity];
}
