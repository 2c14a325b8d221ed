/**
 * How transfers look apart from their width (scales.ts) and colour (palette.ts): dots by kind,
 * opacity and dashes by status. The flow layer, the SVG fallback and the legend all read these.
 */
import { TRANSFER_KINDS, TRANSFER_STATUSES, type TransferKind, type TransferStatus } from '../data/types.js';
import { PALETTES, hexToRgba, type Theme } from './palette.js';

export interface FlowKindStyle {
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

export const FLOW_KIND_STYLES: Readonly<Record<TransferKind, Readonly<FlowKindStyle>>> = {
  inmates: { dotted: false },
  assistance: { dotted: true },
};

export const FLOW_STATUS_STYLES: Readonly<Record<TransferStatus, Readonly<FlowStatusStyle>>> = {
  active: { opacity: 0.95, dashed: false, hiddenUnlessSelected: false },
  agreed: { opacity: 0.55, dashed: false, hiddenUnlessSelected: false },
  considered: { opacity: 0.6, dashed: true, hiddenUnlessSelected: false },
  cancelled: { opacity: 0.45, dashed: true, hiddenUnlessSelected: true },
};

/**
 * A transfer's colour slot: kind × status, 0 … 7. The GPU layer keeps one colour per slot in a
 * uniform, so changing the theme recolours every arc without touching a vertex.
 */
export function flowColorSlot(kind: TransferKind, status: TransferStatus): number {
  return TRANSFER_KINDS.indexOf(kind) * TRANSFER_STATUSES.length + TRANSFER_STATUSES.indexOf(status);
}
export const FLOW_COLOR_SLOTS = TRANSFER_KINDS.length * TRANSFER_STATUSES.length;

/** The colour of a transfer of this kind and status, as straight RGBA in 0..1. */
export function flowColor(kind: TransferKind, status: TransferStatus, theme: Theme): [number, number, number, number] {
  const [r, g, b, a] = hexToRgba(PALETTES[theme].flows[kind]);
  return [r, g, b, a * FLOW_STATUS_STYLES[status].opacity];
}

/** Every slot's colour for a theme, flattened RGBA (what the flow layer's uniform takes). */
export function flowSlotColors(theme: Theme): Float32Array {
  const out = new Float32Array(FLOW_COLOR_SLOTS * 4);
  for (const kind of TRANSFER_KINDS) {
    for (const status of TRANSFER_STATUSES) out.set(flowColor(kind, status, theme), flowColorSlot(kind, status) * 4);
  }
  return out;
}
