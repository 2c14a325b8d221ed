/**
 * The model: everything derived from the data that does not depend on the view, computed once per
 * data change and read by every view — the WebGL layers, the SVG fallback, legends, tables,
 * tooltip, card and summary. Pure: no MapLibre, no DOM. A view never builds a scale or resolves a
 * place.
 *
 * data (parsed records) ─┬─ facility marks (radius, colour)          ─┐
 *                        ├─ placed transfers (arcs, colour, pattern) ─┼─ bounds of everything drawn
 *                        └─ legend (circles, statuses), lookups      ─┘
 *
 * What one view draws — which transfers (`max-flows`, grouping between clusters), their widths,
 * the clusters, the keyboard's order, the transfers' legend — is its level's (`levelAt`, level.ts),
 * the same for the WebGL map, the no-WebGL picture and the exported image.
 */
import type { CountryContext, DataIssue, Facility, FacilityStatus, Transfer } from '../data/types.js';
import { FACILITY_STATUSES } from '../data/types.js';
import { arcBetween, type LngLat } from '../geo/arcs.js';
import { boundsOf, type BBox } from '../geo/bounds.js';
import { FLOW_KIND_STYLES, FLOW_STATUS_STYLES, flowColorSlot } from '../encodings/flow-style.js';
import { capacityRadius, legendCapacities, statusColor } from '../encodings/scales.js';
import type { Lang } from '../i18n/strings.js';
import { placeTransfers, type CountryAnchors } from './endpoints.js';
import { facilityLabel, storyCountries } from './labels.js';
import { FacilityClusters, clusteringOn, type ClusterInput, type ClusterMode, type FacilityCluster } from './clusters.js';
import { viewLevel, type ViewLevel, type Viewport } from './level.js';
import { runInSlices, yieldToMain } from '../shared/scheduling.js';

/** What the loader hands the model: validated records and what went wrong reading them. */
export interface ModelData {
  facilities: Facility[];
  transfers: Transfer[];
  countries: CountryContext[];
  issues: DataIssue[];
  errors: ReadonlyArray<{ dataset: 'facilities' | 'transfers' | 'countries'; message: string }>;
  /** Set when the data is the state in one year (`year`, year.ts). */
  year?: number;
}

/** The ring drawn for a facility of unknown capacity, in CSS px. */
export const UNKNOWN_CAPACITY_RADIUS = 6;
/** A tiny facility still needs a visible dot; 2 px keeps it findable without lying much. */
export const MIN_FACILITY_RADIUS = 2;

export interface FacilityMark {
  facility: Facility;
  position: LngLat;
  /** CSS px; for unknown capacity, the ring's radius. */
  radius: number;
  color: string;
  /** Unknown capacity: a ring, not a disc. */
  hollow: boolean;
  /** Printed beside the circle (labels.ts). */
  label: Record<Lang, string>;
  /** Among the facilities that get a label (the largest, see {@link MAX_LABELLED_FACILITIES}). */
  labelled: boolean;
}

/** A transfer placed on the map: its arc and how it looks apart from its width (which is the level's). */
export interface PlacedFlow {
  transfer: Transfer;
  /** [longitude, latitude] points from→to; longitudes continuous (see `arcBetween`). */
  path: LngLat[];
  /** Colour slot (kind × status); the colour itself comes from the theme's palette. */
  colorSlot: number;
  /** Status opacity (also in the slot's colour), for views that draw opacity separately. */
  opacity: number;
  dashed: boolean;
  dotted: boolean;
  /** Drawn (and picked) only while selected: a cancelled transfer; in a level, also one it does not draw. */
  hidden: boolean;
}

/** An arc as a level draws it: a placed transfer (or a group's) with its width. */
export interface FlowMark extends PlacedFlow {
  /** Line width in CSS px (the level's scale, ink cap included). */
  widthPx: number;
  /**
   * Opacity by magnitude, multiplying the status opacity: a square-root scale of the arc's share
   * of the largest count at its level, from {@link MIN_FLOW_EMPHASIS} (unknown counts too) to 1.
   */
  emphasis: number;
}

export interface LegendModel {
  /** Reference capacities with their radius in CSS px, largest first. */
  circles: Array<{ capacity: number; radius: number }>;
  /** Only the statuses present in the data, in the contract's order. */
  statuses: Array<{ status: FacilityStatus; color: string }>;
  showUnknown: boolean;
  /** Some country has an occupancy to shade. */
  occupancy: boolean;
  /** Facilities may be drawn merged into clusters (a circle with a number); whether a view draws some is its level's. */
  clusters?: boolean;
  /** The data is the state in this year (`year`). */
  year?: number;
}

/** What a reader can select: a facility or a transfer (README.md, "Events": `prison-map-select`). */
export interface SelectableItem {
  kind: 'facility' | 'transfer';
  id: string;
}

/** What the keyboard walks: selectable items, and clusters and grouped arcs, which expand. */
export interface NavItem {
  kind: 'facility' | 'transfer' | 'cluster' | 'flow-group';
  id: string;
}

/** A cluster as drawn: its circle's radius (summed capacity, same scale) and colour. */
export interface ClusterMark {
  cluster: FacilityCluster;
  radius: number;
  color: string;
}

export interface MapModel {
  data: ModelData;
  /** Issues of the data and of placing it (an endpoint with no place on the map). */
  issues: DataIssue[];
  /** Same order as `data.facilities`. */
  facilities: FacilityMark[];
  /** The transfers that can be drawn, in data order; which of them a view draws, and how wide, is its level's. */
  flows: PlacedFlow[];
  /** Countries with an occupancy to shade. */
  shadedCountries: ReadonlySet<string>;
  /** ISO codes of the countries the data is about: labelled before any other (labels.ts). */
  storyCountries: string[];
  /** The view that shows everything drawn: facilities and whole arcs, bulges included. */
  bounds?: BBox;
  legend: LegendModel;
  facility(id: string | undefined): Facility | undefined;
  transfer(id: string | undefined): Transfer | undefined;
  /** Where an item sits: a facility's position, or the middle of a transfer's arc. */
  positionOf(kind: 'facility' | 'transfer', id: string): LngLat | undefined;
  /** Nearby facilities merged where they would overlap (`cluster`); absent when off. */
  clusters?: FacilityClusters;
  clusterMark(cluster: FacilityCluster): ClusterMark;
  /**
   * What a view draws at a (fractional, web-mercator) zoom and size in CSS px: clusters, the arcs
   * between them and their widths, the keyboard's order, the transfers' legend (level.ts). Cached.
   */
  levelAt(zoom: number, viewport: Viewport): ViewLevel;
}

export interface ModelOptions {
  maxRadius: number;
  /** The most arcs drawn at once, largest count first (`max-flows`); default {@link DEFAULT_MAX_FLOWS}. */
  maxFlows?: number;
  /** Status colours the page set (`--prison-map-status-*`). */
  statusColors?: Partial<Record<FacilityStatus, string>>;
  /** `cluster`: auto (on above 200 facilities), on or off. */
  cluster?: ClusterMode;
}

/** A cluster's circle is never larger than this many times `max-radius` (its count must stay readable, its neighbours visible). */
export const MAX_CLUSTER_RADIUS_FACTOR = 1.25;
/** ... nor smaller than this (CSS px): the count is written inside. */
export const MIN_CLUSTER_RADIUS = 11;

/** Geometry depends on the data only, so a new radius or palette does not redo the arcs. */
const placementCache = new WeakMap<ModelData, ReturnType<typeof placeTransfers>>();
/** Per transfer record: the data of one year keeps the records, and so their arcs. */
const pathCache = new WeakMap<Transfer, LngLat[]>();

/** At most this many facilities get a map label: the largest. */
export const MAX_LABELLED_FACILITIES = 200;

/** `max-flows` when absent or invalid (README.md, "Attributes"). */
export const DEFAULT_MAX_FLOWS = 500;

/** Lets the browser paint and handle input between slices of long work (a task under 50 ms). */
const SLICE_MS = 40;


/**
 * Computes the arcs of every transfer ahead of {@link buildModel}, in slices that yield to the
 * browser, so that 5,000 great circles never block the page in one long task. `onProgress`
 * receives the share done (0..1).
 */
export async function prepareGeometry(data: ModelData, anchors: CountryAnchors, onProgress?: (done: number) => void, signal?: AbortSignal): Promise<void> {
  // Placing the transfers is a task of its own, after the one that read the data.
  await yieldToMain();
  signal?.throwIfAborted();
  const placed = placementOf(data, anchors);
  let sliceStart = performance.now();
  for (const [i, p] of placed.placed.entries()) {
    if (!pathCache.has(p.transfer)) pathCache.set(p.transfer, arcBetween(p.from, p.to));
    if (performance.now() - sliceStart > SLICE_MS) {
      onProgress?.(i / placed.placed.length);
      await yieldToMain();
      signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
}

function placementOf(data: ModelData, anchors: CountryAnchors): ReturnType<typeof placeTransfers> {
  let placed = placementCache.get(data);
  if (!placed) placementCache.set(data, (placed = placeTransfers(data.transfers, data.facilities, anchors)));
  return placed;
}

/** Facilities merge where they are closer than a large circle's diameter on screen (CSS px). */
export function clusterRadiusPx(maxRadius: number): number {
  return Math.max(32, Math.round(maxRadius * 2));
}

/**
 * Clusters made ahead of a model ({@link prepareClusters}), for one facility list (a year's data
 * keeps its list) and one merge distance. Whoever shows models keeps the last of these: a model
 * rebuilt for a new palette or `max-flows` reuses them.
 */
export interface PreparedClusters {
  facilities: readonly Facility[];
  radiusPx: number;
  clusters: FacilityClusters;
}

function clusterInputs(facilities: readonly Facility[]): ClusterInput[] {
  return facilities.map((f) => ({ id: f.id, position: [f.longitude, f.latitude], capacity: f.capacity, status: f.status }));
}

/**
 * Whether {@link buildModel} runs in one short task for this data and these options with the
 * clusters prepared (or with none: clustering off); if not, {@link prepareClusters} makes the
 * long part, clustering thousands of facilities, in slices first.
 */
export function clustersPrepared(prepared: Pick<PreparedClusters, 'facilities' | 'radiusPx'> | undefined, data: ModelData, options: ModelOptions): boolean {
  if (!clusteringOn(options.cluster, data.facilities.length)) return true;
  return prepared?.facilities === data.facilities && prepared.radiusPx === clusterRadiusPx(options.maxRadius);
}

/** Makes the clusters a model of this data and these options needs, in slices of `sliceMs`; stops if `signal` aborts. */
export async function prepareClusters(data: ModelData, options: ModelOptions, sliceMs = SLICE_MS, signal?: AbortSignal): Promise<PreparedClusters> {
  const radiusPx = clusterRadiusPx(options.maxRadius);
  const clusters = await runInSlices(FacilityClusters.steps(clusterInputs(data.facilities), { radiusPx }), sliceMs, signal);
  return { facilities: data.facilities, radiusPx, clusters };
}

/** The model's clusters: prepared already, or made here in one go; undefined when clustering is off. */
function clustersOf(data: ModelData, options: ModelOptions, prepared: PreparedClusters | undefined): FacilityClusters | undefined {
  if (!clusteringOn(options.cluster, data.facilities.length)) return undefined;
  if (prepared && clustersPrepared(prepared, data, options)) return prepared.clusters;
  return new FacilityClusters(clusterInputs(data.facilities), { radiusPx: clusterRadiusPx(options.maxRadius) });
}

/** `prepared`: clusters made ahead ({@link prepareClusters}); used if they fit this data and these options. */
export function buildModel(data: ModelData, anchors: CountryAnchors, options: ModelOptions, prepared?: PreparedClusters): MapModel {
  const placed = placementOf(data, anchors);
  const paths = new Map(placed.placed.map((p) => {
    let path = pathCache.get(p.transfer);
    if (!path) pathCache.set(p.transfer, (path = arcBetween(p.from, p.to)));
    return [p.transfer, path];
  }));

  const radius = capacityRadius(data.facilities, options.maxRadius);
  const color = statusColor(options.statusColors);
  const facilities: FacilityMark[] = data.facilities.map((f) => ({
    facility: f,
    position: [f.longitude, f.latitude],
    radius: f.capacity === null ? UNKNOWN_CAPACITY_RADIUS : Math.max(MIN_FACILITY_RADIUS, radius(f.capacity)),
    color: color(f.status),
    hollow: f.capacity === null,
    label: { en: facilityLabel(f, 'en'), es: facilityLabel(f, 'es') },
    labelled: true,
  }));
  // Thousands of labels cannot be read and cost MapLibre a placement pass on every frame: only the
  // largest facilities are labelled (the selected one always is, by its own layer).
  if (facilities.length > MAX_LABELLED_FACILITIES) {
    const largest = new Set([...facilities].sort((a, b) => b.radius - a.radius).slice(0, MAX_LABELLED_FACILITIES));
    for (const mark of facilities) mark.labelled = largest.has(mark);
  }

  const maxFlows = options.maxFlows !== undefined && Number.isFinite(options.maxFlows) && options.maxFlows >= 0 ? Math.floor(options.maxFlows) : DEFAULT_MAX_FLOWS;
  const flows: PlacedFlow[] = placed.placed.map(({ transfer }) => {
    const status = FLOW_STATUS_STYLES[transfer.status];
    return {
      transfer,
      path: paths.get(transfer)!,
      colorSlot: flowColorSlot(transfer.kind, transfer.status),
      opacity: status.opacity,
      dashed: status.dashed,
      dotted: FLOW_KIND_STYLES[transfer.kind].dotted,
      // Cancelled: drawn (and picked) only while selected, e.g. from the tables.
      hidden: status.hiddenUnlessSelected,
    };
  });

  const clusters = clustersOf(data, options, prepared);
  const levels = new Map<string, ViewLevel>();
  const levelInput = { facilities, flows, clusters, maxFlows };

  const facilityById = new Map(data.facilities.map((f) => [f.id, f]));
  const transferById = new Map(data.transfers.map((t) => [t.id, t]));
  const flowById = new Map(flows.map((f) => [f.transfer.id, f]));
  const present = new Set(data.facilities.map((f) => f.status));

  return {
    data,
    issues: data.issues.concat(placed.issues),
    facilities,
    flows,
    storyCountries: storyCountries(data.facilities, data.transfers, data.countries),
    shadedCountries: new Set(data.countries.filter((c) => c.occupancyPct !== undefined).map((c) => c.iso3)),
    bounds: boundsOf(visiblePositions(facilities, flows)),
    legend: {
      circles: data.facilities.some((f) => f.capacity !== null)
        ? legendCapacities(radius).map((capacity) => ({ capacity, radius: radius(capacity) }))
        : [],
      statuses: FACILITY_STATUSES.filter((s) => present.has(s)).map((status) => ({ status, color: color(status) })),
      showUnknown: data.facilities.some((f) => f.capacity === null),
      occupancy: data.countries.some((c) => c.occupancyPct !== undefined),
      clusters: clusters !== undefined,
      ...(data.year !== undefined ? { year: data.year } : {}),
    },
    facility: (id) => (id === undefined ? undefined : facilityById.get(id)),
    transfer: (id) => (id === undefined ? undefined : transferById.get(id)),
    positionOf(kind, id) {
      if (kind === 'facility') {
        const f = facilityById.get(id);
        return f ? [f.longitude, f.latitude] : undefined;
      }
      const path = flowById.get(id)?.path;
      return path ? path[Math.floor(path.length / 2)] : undefined;
    },
    ...(clusters ? { clusters } : {}),
    clusterMark: (cluster) => ({
      cluster,
      radius: Math.min(options.maxRadius * MAX_CLUSTER_RADIUS_FACTOR, Math.max(MIN_CLUSTER_RADIUS, radius(cluster.capacity))),
      color: color(cluster.mainStatus),
    }),
    levelAt(zoom, viewport) {
      const key = `${Math.floor(zoom)}:${Math.round(viewport.width)}x${Math.round(viewport.height)}`;
      let level = levels.get(key);
      if (!level) levels.set(key, (level = viewLevel(levelInput, zoom, viewport)));
      return level;
    },
  };
}

/** Every position a reader should see at the default view: facilities and every point of every arc that may be drawn. */
function visiblePositions(facilities: readonly FacilityMark[], flows: readonly PlacedFlow[]): LngLat[] {
  const out: LngLat[] = facilities.map((f) => f.position);
  for (const flow of flows) if (!flow.hidden) for (const point of flow.path) out.push(point);
  return out;
}

