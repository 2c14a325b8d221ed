/**
 * What the map draws at one zoom level: the facilities' clusters, the arcs between what is shown
 * (transfers between members of two clusters become one arc with their summed count), at most
 * `max-flows` arcs, and arc widths that never cover the basemap. The keyboard walks the same
 * items, and the transfers' legend says the same (legend.ts). Pure: every view of the element
 * asks for the level of its zoom and size (`MapModel.levelAt`): the WebGL map whenever the integer
 * zoom or its size changes, the no-WebGL picture for the zoom its projection is at, the exported
 * image for the map's.
 *
 * Widths: one square-root scale of the counts drawn at the level (`flowWidth`, a group's sum can
 * exceed any one transfer), from {@link MIN_FLOW_WIDTH} at 0 to {@link DEFAULT_MAX_FLOW_WIDTH} at
 * the largest; unknown counts are the thinnest.
 *
 * Ink cap: the arcs' total area on screen (width × length, each arc's length clipped to the view,
 * times the world copies side by side) is kept under {@link ARC_INK_SHARE} of the map's area; when
 * more, every width shrinks by the same factor (to {@link MIN_CAPPED_WIDTH} px at the least), so
 * their order is kept and the basemap stays visible; when the arcs at that floor still ink more,
 * the smallest are left out (counted in `omitted`, as those beyond `max-flows` are).
 */
import { max } from 'd3-array';
import { TRANSFER_KINDS, TRANSFER_STATUSES, type Transfer, type TransferKind, type TransferStatus } from '../data/types.js';
import { FLOW_KIND_STYLES, FLOW_STATUS_STYLES, flowColorSlot } from '../encodings/flow-style.js';
import { DEFAULT_MAX_FLOW_WIDTH, MIN_FLOW_WIDTH, UNKNOWN_COUNT_WIDTH, flowWidth } from '../encodings/scales.js';
import { arcInkPerPx } from '../encodings/mark-styles.js';
import { arcBetween, type LngLat } from '../geo/arcs.js';
import { mercatorX, mercatorY } from '../geo/mercator.js';
import { clusterLevel, type FacilityCluster, type FacilityClusters } from './clusters.js';
import type { FacilityMark, FlowMark, NavItem, PlacedFlow } from './model.js';

/** Arcs may cover at most this share of the map's area. */
export const ARC_INK_SHARE = 0.1;
/** Capped arcs are never thinner than this (CSS px). */
export const MIN_CAPPED_WIDTH = 1;
/** The smallest arcs' opacity, as a share of their status opacity (the largest are drawn at 1). */
export const MIN_FLOW_EMPHASIS = 0.35;

export const FLOW_GROUP_KEY_PREFIX = 'flows:';

/** Several transfers drawn as one arc between two clusters (or a cluster and a place). */
export interface FlowGroup {
  key: string;
  /** Each end: a cluster, or the facility or country the transfers share. */
  from: FacilityCluster | string;
  to: FacilityCluster | string;
  transfers: Transfer[];
  /** Summed known counts. */
  count: number;
}

export interface ViewLevel {
  /** Integer zoom level. */
  zoom: number;
  clusters: readonly FacilityCluster[];
  /** The cluster a facility is drawn in at this level, if any. */
  clusterOf(facilityId: string): FacilityCluster | undefined;
  /** Arcs to draw (and pick): shown ones, then hidden transfers drawn only while selected. */
  flows: FlowMark[];
  groups: ReadonlyMap<string, FlowGroup>;
  /** Arcs left out: beyond `max-flows`, or the smallest, which the ink cap leaves out at its floor. */
  omitted: number;
  /** Transfers between members of one cluster: no arc at this level. */
  withinClusters: number;
  /** What the transfers' legend says at this level; absent when the data has no transfer to draw. */
  flowLegend?: FlowLegend;
  /** Equal for two levels whose legends say the same (a view re-renders its legend only when it changes). */
  legendKey: string;
  /** Clusters and lone facilities west to east, then the arcs drawn, largest first. */
  navigation: NavItem[];
}

export interface FlowLegend {
  /** The kinds and statuses of the arcs drawn (a grouped arc's are its largest transfer's), in the contract's order. */
  kinds: TransferKind[];
  statuses: TransferStatus[];
  /** The widest arc drawn: its count and width. */
  largest?: { count: number; widthPx: number };
  /** Arcs left out by `max-flows` or the ink cap (the smallest); their transfers stay in the tables. */
  omitted: number;
}

export interface LevelInput {
  facilities: readonly FacilityMark[];
  /** Every placed transfer (model.flows). */
  flows: readonly PlacedFlow[];
  clusters?: FacilityClusters;
  maxFlows: number;
}

export interface Viewport {
  width: number;
  height: number;
}

interface Candidate {
  count: number;
  order: number;
  mark: PlacedFlow;
  group?: FlowGroup;
}

/** Arc paths between clustered ends, per pair of positions: a level change re-uses them. */
const pathCache = new WeakMap<LevelInput, Map<string, LngLat[]>>();

export function viewLevel(input: LevelInput, zoom: number, viewport: Viewport): ViewLevel {
  const level = clusterLevel(zoom);
  const membership = input.clusters?.membership(level) ?? new Map<string, FacilityCluster>();
  const clusters = input.clusters?.at(level) ?? [];
  let paths = pathCache.get(input);
  if (!paths) pathCache.set(input, (paths = new Map()));

  const groups = new Map<string, { from: FacilityCluster | string; to: FacilityCluster | string; flows: PlacedFlow[] }>();
  let withinClusters = 0;
  const singles: PlacedFlow[] = [];
  for (const flow of input.flows) {
    if (FLOW_STATUS_STYLES[flow.transfer.status].hiddenUnlessSelected) continue;
    const from = membership.get(flow.transfer.from);
    const to = membership.get(flow.transfer.to);
    if (!from && !to) {
      singles.push(flow);
      continue;
    }
    if (from && from === to) {
      withinClusters++;
      continue;
    }
    const key = `${FLOW_GROUP_KEY_PREFIX}${from?.key ?? flow.transfer.from}>${to?.key ?? flow.transfer.to}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { from: from ?? flow.transfer.from, to: to ?? flow.transfer.to, flows: [] }));
    group.flows.push(flow);
  }

  const orderOf = new Map(input.flows.map((f, i) => [f, i]));
  const candidates: Candidate[] = singles.map((mark) => ({ mark, count: mark.transfer.count ?? -1, order: orderOf.get(mark)! }));
  const flowGroups = new Map<string, FlowGroup>();
  for (const [key, group] of groups) {
    const fromPos = typeof group.from === 'string' ? group.flows[0].path[0] : group.from.position;
    const toPos = typeof group.to === 'string' ? group.flows[0].path[group.flows[0].path.length - 1] : group.to.position;
    const pathKey = `${fromPos}>${toPos}`;
    let path = paths.get(pathKey);
    if (!path) paths.set(pathKey, (path = arcBetween(fromPos, toPos)));
    const known = group.flows.filter((f) => f.transfer.count !== undefined);
    const count = known.reduce((sum, f) => sum + f.transfer.count!, 0);
    // The largest transfer of the group gives it its kind and status (colour, dashes).
    const main = group.flows.reduce((best, f) => ((f.transfer.count ?? -1) > (best.transfer.count ?? -1) ? f : best));
    if (group.flows.length === 1) {
      candidates.push({ mark: { ...main, path }, count: main.transfer.count ?? -1, order: orderOf.get(main)! });
      continue;
    }
    const flowGroup: FlowGroup = { key, from: group.from, to: group.to, transfers: group.flows.map((f) => f.transfer), count };
    flowGroups.set(key, flowGroup);
    candidates.push({
      count: known.length ? count : -1,
      order: orderOf.get(main)!,
      group: flowGroup,
      mark: {
        ...main,
        // The arc's own id is the group's key: picking it names the group, never one of its transfers.
        transfer: { ...main.transfer, id: key, count: known.length ? count : undefined },
        path,
        colorSlot: flowColorSlot(main.transfer.kind, main.transfer.status),
        dotted: FLOW_KIND_STYLES[main.transfer.kind].dotted,
        hidden: false,
      },
    });
  }

  candidates.sort((a, b) => b.count - a.count || a.order - b.order);
  const { kept, widthOf } = levelWidth(candidates.slice(0, Math.max(0, input.maxFlows)), level, viewport);
  const shown = candidates.slice(0, kept);
  for (const c of candidates.slice(shown.length)) if (c.group) flowGroups.delete(c.group.key);
  const emphasisOf = flowEmphasis(shown[0]?.count ?? 0);
  const drawn: FlowMark[] = shown.map((c) => ({ ...c.mark, widthPx: widthOf(c.count), emphasis: emphasisOf(c.count), hidden: false }));
  const drawnIds = new Set(drawn.map((f) => f.transfer.id));
  // Transfers not drawn at this level stay pickable while selected (e.g. from the tables), on their own arcs.
  const hidden: FlowMark[] = input.flows.filter((f) => !drawnIds.has(f.transfer.id)).map((f) => ({ ...f, widthPx: widthOf(f.transfer.count ?? -1), emphasis: 1, hidden: true }));
  const omitted = candidates.length - shown.length;
  const flowLegend: FlowLegend | undefined = input.flows.length ? {
    kinds: TRANSFER_KINDS.filter((k) => drawn.some((f) => f.transfer.kind === k)),
    statuses: TRANSFER_STATUSES.filter((s) => drawn.some((f) => f.transfer.status === s)),
    ...(shown.length && shown[0].count > 0 ? { largest: { count: shown[0].count, widthPx: drawn[0].widthPx } } : {}),
    omitted,
  } : undefined;

  return {
    zoom: level,
    clusters,
    clusterOf: (id) => membership.get(id),
    flows: drawn.concat(hidden),
    groups: flowGroups,
    omitted,
    withinClusters,
    ...(flowLegend ? { flowLegend } : {}),
    legendKey: `${clusters.length > 0}|${JSON.stringify(flowLegend ?? null)}`,
    navigation: navigationAt(input.facilities, clusters, membership, drawn, flowGroups),
  };
}

/**
 * The width of a count at this level: {@link flowWidth} up to the largest count drawn, then every
 * width shrunk by one factor if the arcs' ink would exceed {@link ARC_INK_SHARE} of the view
 * (never below {@link MIN_CAPPED_WIDTH}); if the arcs at that floor still ink more, only the
 * `kept` largest are drawn. Ink is what the shader draws (`arcInkPerPx`: the line, its
 * antialiased edge, dots or dashes, arrowheads) times the arc's length on screen. A negative count
 * is an unknown one.
 */
function levelWidth(shown: readonly Candidate[], level: number, viewport: Viewport): { kept: number; widthOf: (count: number) => number } {
  const scale = flowWidth(max(shown, (c) => c.count) ?? 0, DEFAULT_MAX_FLOW_WIDTH);
  const width = (count: number) => (count < 0 ? UNKNOWN_COUNT_WIDTH : scale(count));
  const capped = (count: number, factor: number) => Math.max(MIN_CAPPED_WIDTH, width(count) * factor);
  // Lengths at the top of the level's zoom range: the cap holds at every zoom of the level.
  const worldPx = 512 * 2 ** (level + 1);
  const lengths = shown.map((c) => visibleLength(c.mark.path, worldPx, viewport));
  const inkOf = (k: number, factor: number) => arcInkPerPx(capped(shown[k].count, factor), shown[k].mark.dotted, shown[k].mark.dashed) * lengths[k];
  const ink = (kept: number, factor: number) => {
    let sum = 0;
    for (let k = 0; k < kept; k++) sum += inkOf(k, factor);
    return sum;
  };
  const budget = ARC_INK_SHARE * viewport.width * viewport.height;
  if (budget <= 0 || ink(shown.length, 1) <= budget) return { kept: shown.length, widthOf: width };
  // At the floor and still over: the largest arcs that fit the budget (at least one).
  let kept = 0;
  for (let sum = 0; kept < shown.length && (sum += inkOf(kept, 0)) <= budget;) kept++;
  kept = Math.max(1, kept);
  // Ink grows with the factor (not in proportion: arrowheads and dots have a least size): bisect.
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 24; i++) {
    const mid = (lo + hi) / 2;
    if (ink(kept, mid) <= budget) lo = mid;
    else hi = mid;
  }
  return { kept, widthOf: (count) => capped(count, lo) };
}

/**
 * Opacity by magnitude (flowmap.gl's hierarchy: the largest arcs most opaque, the smallest
 * fading): a square-root scale of the share of the largest count, from {@link MIN_FLOW_EMPHASIS}
 * to 1; an unknown count (negative) is the faintest.
 */
function flowEmphasis(largest: number): (count: number) => number {
  return (count) => (count < 0 || largest <= 0 ? MIN_FLOW_EMPHASIS : MIN_FLOW_EMPHASIS + (1 - MIN_FLOW_EMPHASIS) * Math.sqrt(Math.min(1, count / largest)));
}

/**
 * An arc's length on screen at a zoom (CSS px, `worldPx` the world's width): clipped to the view
 * (an arc whose extent is larger than the map shows at most the map's share of it), and repeated
 * once per world copy side by side when the world is narrower than the map.
 */
function visibleLength(path: readonly LngLat[], worldPx: number, viewport: Viewport): number {
  let length = 0;
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let k = 0; k < path.length; k++) {
    const x = mercatorX(path[k][0]);
    const y = mercatorY(path[k][1]);
    [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
    if (k > 0) length += Math.hypot(x - mercatorX(path[k - 1][0]), y - mercatorY(path[k - 1][1]));
  }
  const inView = Math.min(1, viewport.width / ((maxX - minX) * worldPx), viewport.height / ((maxY - minY) * worldPx));
  const copies = Math.max(1, viewport.width / worldPx);
  return length * worldPx * inView * copies;
}

/**
 * The keyboard's reading order at a level: clusters and lone facilities west to east (north first
 * where they share a meridian), then the arcs drawn, largest first.
 */
function navigationAt(
  facilities: readonly FacilityMark[],
  clusters: readonly FacilityCluster[],
  membership: ReadonlyMap<string, FacilityCluster>,
  drawn: readonly FlowMark[],
  groups: ReadonlyMap<string, FlowGroup>,
): NavItem[] {
  const places: Array<{ position: LngLat; item: NavItem }> = clusters.map((c) => ({ position: c.position, item: { kind: 'cluster', id: c.key } }));
  for (const f of facilities) {
    if (!membership.has(f.facility.id)) places.push({ position: f.position, item: { kind: 'facility', id: f.facility.id } });
  }
  places.sort((a, b) => a.position[0] - b.position[0] || b.position[1] - a.position[1]);
  return [
    ...places.map((p) => p.item),
    ...drawn.map((f) => ({ kind: groups.has(f.transfer.id) ? 'flow-group' as const : 'transfer' as const, id: f.transfer.id })),
  ];
}

