/**
 * The legend as one description: every text (localized) and every swatch of every legend the
 * element shows, from the model's legend (what does not depend on the view) and the level drawn
 * (which transfers, their widest arc, what `max-flows` left out, whether clusters are drawn). The
 * HTML legend (ui/legend.ts), the exported image's canvas legend (ui/image-export.ts) and the
 * legend beside the no-WebGL picture only lay it out, so they say the same. Pure: no DOM, no Lit.
 */
import { FLOW_KIND_STYLES, FLOW_STATUS_STYLES } from '../encodings/flow-style.js';
import { arcStroke } from '../encodings/mark-styles.js';
import { PALETTES, type Theme } from '../encodings/palette.js';
import { OCCUPANCY_THRESHOLDS } from '../encodings/scales.js';
import { formatNumber, formatPercent, strings, type Lang } from '../i18n/reader-strings.js';
import type { ViewLevel } from './level.js';
import type { LegendModel } from './model.js';

/** A status colour: a disc as the map's circles, a little more opaque to read at 14 px. */
export const LEGEND_DISC = { radius: 6, fillOpacity: 0.8, strokeWidth: 1 } as const;
/** Unknown capacity: a ring. */
export const LEGEND_RING = { radius: 5, strokeWidth: 2 } as const;
/** An occupancy class: a rounded square. */
export const LEGEND_SQUARE = { size: 12, cornerRadius: 2, strokeOpacity: 0.4 } as const;
/** Line widths of the transfer kinds' and statuses' swatches (the widest arc's is its own). */
export const LEGEND_KIND_WIDTH = 3;
export const LEGEND_STATUS_WIDTH = 2.5;
/** Length of a line swatch, in CSS px. */
export const LEGEND_LINE_LENGTH = 22;

export type LegendSwatch =
  | { kind: 'disc'; color: string; radius: number; fillOpacity: number; strokeWidth: number }
  /** No colour: the text's own (unknown capacity is not a status). */
  | { kind: 'ring'; color?: string; radius: number; strokeWidth: number }
  /** An arc: its colour, width and opacity, and the dots or dashes of encodings/mark-styles.ts. */
  | { kind: 'line'; color: string; width: number; opacity: number; dash: number[]; cap: 'round' | 'butt' }
  | { kind: 'square'; color: string; size: number; cornerRadius: number; strokeOpacity: number };

export interface LegendEntry {
  swatch: LegendSwatch;
  label: string;
}

export interface LegendSection {
  kind: 'year' | 'capacity' | 'statuses' | 'transfers' | 'occupancy';
  title: string;
  /** Nested reference circles, largest first (capacity). */
  circles: Array<{ radius: number; label: string }>;
  entries: LegendEntry[];
  /** Sentences under the entries: the cluster note, the transfers `max-flows` left out. */
  notes: string[];
}

export interface LegendDescription {
  sections: LegendSection[];
}

/** Label heights for the circles' tops (top to bottom), pushed apart so that small circles' labels never overlap. */
export function legendLabelPositions(circleTops: readonly number[], lineHeight = 12): number[] {
  const out: number[] = [];
  for (const y of circleTops) out.push(out.length ? Math.max(y, out[out.length - 1] + lineHeight) : y);
  return out;
}

/** The occupancy class labels, lowest first: "Under 100%", "100–150%", …, "250% or more". */
export function occupancyClassLabels(lang: Lang): string[] {
  const t = strings(lang);
  const pct = (value: number) => formatPercent(value, lang);
  const bounds = OCCUPANCY_THRESHOLDS;
  return [
    t.occupancyBelow(pct(bounds[0])),
    ...bounds.slice(1).map((upper, i) => t.occupancyRange(String(bounds[i]), pct(upper))),
    t.occupancyAtLeast(pct(bounds[bounds.length - 1])),
  ];
}

/** The status colours and unknown capacity: the statuses section's entries, and the narrow map's strip. */
export function legendStrip(legend: LegendModel, lang: Lang): LegendEntry[] {
  const t = strings(lang);
  return [
    ...legend.statuses.map(({ status, color }) => ({ swatch: { kind: 'disc' as const, color, ...LEGEND_DISC }, label: t.status[status] })),
    ...(legend.showUnknown ? [{ swatch: { kind: 'ring' as const, ...LEGEND_RING }, label: t.capacityUnknown }] : []),
  ];
}

function line(color: string, width: number, dotted: boolean, dashed: boolean, opacity: number): LegendSwatch {
  const stroke = arcStroke(width, dotted, dashed);
  return { kind: 'line', color, width: stroke.strokeWidth, opacity, dash: stroke.dash, cap: stroke.cap };
}

/**
 * The legend of a view. Without a level (no map has drawn yet) there is no transfers section: how
 * many arcs are drawn and how wide is the level's to say.
 */
export function describeLegend(legend: LegendModel, level: ViewLevel | undefined, lang: Lang, theme: Theme): LegendDescription {
  const t = strings(lang);
  const sections: LegendSection[] = [];
  const section = (kind: LegendSection['kind'], title: string, parts: Partial<Pick<LegendSection, 'circles' | 'entries' | 'notes'>> = {}): void => {
    sections.push({ kind, title, circles: parts.circles ?? [], entries: parts.entries ?? [], notes: parts.notes ?? [] });
  };
  if (legend.year !== undefined) section('year', t.asOfYear(String(legend.year)));

  const strip = legendStrip(legend, lang);
  if (strip.length) {
    // Clusters are named when the view draws some (or, before any view, when clustering is on).
    const clusters = level ? level.clusters.length > 0 : legend.clusters === true;
    section('capacity', t.legendTitle, {
      circles: legend.circles.map(({ capacity, radius }) => ({ radius, label: formatNumber(capacity, lang) })),
      notes: clusters ? [t.clusterLegend] : [],
    });
    section('statuses', t.statusTitle, { entries: strip });
  }

  const flows = level?.flowLegend;
  if (flows) {
    const colors = PALETTES[theme].flows;
    const ink = colors.inmates;
    const n = (value: number) => formatNumber(value, lang);
    section('transfers', t.transfersLegendTitle, {
      entries: [
        ...flows.kinds.map((kind) => ({ swatch: line(colors[kind], LEGEND_KIND_WIDTH, FLOW_KIND_STYLES[kind].dotted, false, 1), label: t.transferKind[kind] })),
        ...flows.statuses.map((status) => ({
          swatch: line(ink, LEGEND_STATUS_WIDTH, false, FLOW_STATUS_STYLES[status].dashed, FLOW_STATUS_STYLES[status].opacity), label: t.transferStatus[status],
        })),
        ...(flows.largest ? [{ swatch: line(ink, flows.largest.widthPx, false, false, FLOW_STATUS_STYLES.active.opacity), label: t.people(n(flows.largest.count)) }] : []),
      ],
      notes: flows.omitted > 0 ? [t.flowsOmitted(flows.omitted, n(flows.omitted))] : [],
    });
  }

  if (legend.occupancy) {
    const colors = PALETTES[theme].occupancy;
    section('occupancy', t.occupancyLegendTitle, {
      entries: occupancyClassLabels(lang).map((label, i) => ({ swatch: { kind: 'square' as const, color: colors[i], ...LEGEND_SQUARE }, label })),
    });
  }
  return { sections };
}

