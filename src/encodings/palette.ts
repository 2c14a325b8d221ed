/**
 * Every colour that depends on the theme, in one table: the basemap, the marks' outlines, the
 * transfer arcs, the selected arc's outline and the occupancy shading. The WebGL layers, the SVG
 * fallback and the legends all read it, so a colour cannot exist in one theme and be forgotten in
 * the other (test/themes.test.ts walks this table in both themes).
 *
 * Facility status colours do not depend on the theme (see `STATUS_COLORS` in scales.ts).
 */
import type { TransferKind } from '../data/types.js';

export type Theme = 'light' | 'dark';

export interface BasemapColors {
  sea: string;
  land: string;
  coastline: string;
  border: string;
  label: string;
  labelHalo: string;
}

export interface ThemePalette {
  basemap: BasemapColors;
  /** Outline of every facility circle: separates overlapping circles and lifts them off the land. */
  markStroke: string;
  /** Ring around the highlighted facility, and outline of the focused country. */
  highlight: string;
  /**
   * Facility labels and the names of the story's countries: darker (lighter) than other labels,
   * on a halo of their own, so they pass 4.5:1 over any circle, arc or shading beneath.
   */
  storyLabel: { text: string; halo: string };
  /** Arc colour by transfer kind. */
  flows: Record<TransferKind, string>;
  /** Outline drawn around the selected arc: at least 3:1 against the sea and the land. */
  selectedHalo: string;
  /** Occupancy classes, lowest first (see OCCUPANCY_THRESHOLDS in scales.ts). */
  occupancy: readonly string[];
}

export const PALETTES: Readonly<Record<Theme, Readonly<ThemePalette>>> = {
  light: {
    // Label colours pass WCAG AA (4.5:1) against the land (7.6:1) and the sea (6.5:1).
    basemap: { sea: '#dde6ee', land: '#f6f5f2', coastline: '#b9c3cc', border: '#9aa1a9', label: '#4a4f56', labelHalo: '#f6f5f2' },
    markStroke: '#ffffff',
    highlight: '#111111',
    storyLabel: { text: '#1c2330', halo: '#ffffff' },
    // Apart from the facility statuses (Okabe & Ito's vermillion, blues and orange): purple for
    // people, teal for assistance.
    flows: { inmates: '#7b2d8e', assistance: '#00876c' },
    selectedHalo: '#111111',
    // One warm grey-brown hue stepping in lightness, so the order reads without colour vision and
    // the context stays quieter than the data: more crowded is darker on the light basemap.
    occupancy: ['#e9e3d8', '#d6c9b5', '#bba68a', '#98805f', '#6f5a41'],
  },
  dark: {
    // Labels: 9.8:1 against the land, 13.3:1 against the sea.
    basemap: { sea: '#0d141e', land: '#2a2e34', coastline: '#3f4751', border: '#6c747e', label: '#d6dbe1', labelHalo: '#2a2e34' },
    markStroke: '#10151f',
    highlight: '#ffffff',
    storyLabel: { text: '#f2f5f8', halo: '#0d141e' },
    flows: { inmates: '#e0a3ee', assistance: '#4fd1b0' },
    selectedHalo: '#ffffff',
    // On the dark basemap more crowded is lighter, so it always stands further from the land.
    occupancy: ['#3d3831', '#554b3e', '#75664f', '#9a876a', '#c4b194'],
  },
};

/** `#rgb`, `#rrggbb` or `#rrggbbaa` to straight (not premultiplied) RGBA in 0..1. */
export function hexToRgba(hex: string): [number, number, number, number] {
  let h = hex.trim().replace(/^#/, '');
  if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join('');
  if (!/^[0-9a-f]{6}([0-9a-f]{2})?$/i.test(h)) throw new Error(`not a hex colour: ${hex}`);
  const v = (i: number) => parseInt(h.slice(i, i + 2), 16) / 255;
  return [v(0), v(2), v(4), h.length === 8 ? v(6) : 1];
}
