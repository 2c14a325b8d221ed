/**
 * Facility clusters: where circles would overlap, nearby facilities merge into one circle whose
 * area is their summed capacity on the same scale as a single facility's.
 *
 * The grouping is Supercluster's (the library MapLibre's own clustered sources run in their
 * worker), computed here on the main thread because more than the circles need it synchronously:
 * the arcs are re-drawn between clusters, the keyboard walks clusters and then their members, and
 * the tooltip describes a cluster — all without a round trip to the map's worker. Every cluster of
 * every zoom level goes into one GeoJSON source with the zoom range it is shown at (`zmin`/`zmax`),
 * so the map switches levels with a filter, as a clustered source switches tiles.
 *
 * Zoom levels are MapLibre's (a 512 px world at zoom 0), so a cluster radius in CSS px is the
 * distance on screen within which facilities merge.
 */
import Supercluster from 'supercluster';
import type { FacilityStatus } from '../data/types.js';
import { FACILITY_STATUSES } from '../data/types.js';
import type { LngLat } from '../geo/arcs.js';
import { runToEnd } from '../shared/scheduling.js';

export type ClusterMode = 'auto' | 'on' | 'off';

/** `cluster="auto"` groups facilities when there are more than this many (README.md, "Attributes"). */
export const AUTO_CLUSTER_THRESHOLD = 200;
/** From this zoom level on, every facility is drawn on its own. */
export const CLUSTER_MAX_ZOOM = 10;
/** The zoom range of a mark always shown (`zmax`). */
export const ALWAYS_SHOWN_ZOOM = 99;

export function clusteringOn(mode: string | undefined, facilityCount: number): boolean {
  if (mode === 'on') return true;
  if (mode === 'off') return false;
  return facilityCount > AUTO_CLUSTER_THRESHOLD;
}

/** What a cluster needs of a facility: where it is, its capacity, its status. */
export interface ClusterInput {
  id: string;
  position: LngLat;
  /** Null: unknown. */
  capacity: number | null;
  status: FacilityStatus;
}

export interface FacilityCluster {
  /** Supercluster's id: unique across zoom levels. */
  id: number;
  /** `cluster:<id>`: the cluster's key among facility ids in views and events of the element. */
  key: string;
  /** The integer zoom level the cluster is shown at. */
  zoom: number;
  position: LngLat;
  /** How many facilities it holds. */
  count: number;
  /** Summed known capacity. */
  capacity: number;
  /** Members whose capacity is unknown (not in `capacity`). */
  unknownCapacity: number;
  /** Members by status, in the contract's order, only the statuses present. */
  statuses: Array<{ status: FacilityStatus; count: number }>;
  /** The status most members have (the circle's colour). */
  mainStatus: FacilityStatus;
}

export const CLUSTER_KEY_PREFIX = 'cluster:';

interface PointProps {
  i: number;
}
interface Aggregates {
  capacity: number;
  unknown: number;
  /** Counts by status, in FACILITY_STATUSES order. */
  s: number[];
}

export interface ClusterOptions {
  /** Facilities closer than this on screen (CSS px) merge. */
  radiusPx: number;
}

export class FacilityClusters {
  private readonly index: Supercluster<PointProps, Aggregates>;
  /** Per facility (input order): the first zoom level at which it is drawn on its own. */
  readonly ownFrom: Int8Array;
  /** Clusters per zoom level 0..CLUSTER_MAX_ZOOM. */
  readonly levels: FacilityCluster[][] = [];
  private readonly byKey = new Map<string, FacilityCluster>();
  private readonly members = new Map<number, number[]>();
  private readonly memberships = new Map<number, Map<string, FacilityCluster>>();

  /**
   * The clusters made a zoom level per step, for `runInSlices`: ten thousand facilities take a few
   * hundred ms to cluster, too long for one task of a page's main thread.
   */
  static *steps(inputs: readonly ClusterInput[], options: ClusterOptions): Generator<void, FacilityClusters> {
    const clusters = new FacilityClusters(inputs, options, false);
    yield* clusters.buildSteps();
    return clusters;
  }

  /** Clusters made in one go (the command line, tests); `buildNow` false is for {@link steps}. */
  constructor(private readonly inputs: readonly ClusterInput[], options: ClusterOptions, buildNow = true) {
    this.index = new Supercluster<PointProps, Aggregates>({
      radius: options.radiusPx,
      maxZoom: CLUSTER_MAX_ZOOM,
      map: (props) => {
        const facility = inputs[props.i];
        const s = FACILITY_STATUSES.map((status) => (status === facility.status ? 1 : 0));
        return { capacity: facility.capacity ?? 0, unknown: facility.capacity === null ? 1 : 0, s };
      },
      reduce: (into, add) => {
        into.capacity += add.capacity;
        into.unknown += add.unknown;
        // `into` may share its array with a child's props (Supercluster clones shallowly).
        into.s = into.s.map((n, k) => n + add.s[k]);
      },
    });
    this.ownFrom = new Int8Array(inputs.length).fill(CLUSTER_MAX_ZOOM + 1);
    if (buildNow) runToEnd(this.buildSteps());
  }

  private *buildSteps(): Generator<void, void> {
    yield* loadByZoom(this.index, this.inputs.map((f, i) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: f.position },
      properties: { i },
    })));
    // Once a facility stands on its own it does so at every higher zoom, so walking down from the
    // deepest level leaves each facility with the lowest level it is alone at.
    for (let zoom = CLUSTER_MAX_ZOOM; zoom >= 0; zoom--) {
      const level: FacilityCluster[] = [];
      for (const feature of this.index.getClusters([-180, -90, 180, 90], zoom)) {
        const props = feature.properties as Partial<Supercluster.ClusterProperties> & Partial<Aggregates> & Partial<PointProps>;
        if (props.cluster) {
          const cluster = toCluster(feature.geometry.coordinates as LngLat, zoom, props as Supercluster.ClusterProperties & Aggregates);
          level.push(cluster);
          this.byKey.set(cluster.key, cluster);
        } else if (props.i !== undefined) {
          this.ownFrom[props.i] = zoom;
        }
      }
      this.levels[zoom] = level;
      yield;
    }
  }

  /** The clusters drawn at a (fractional) zoom: the level of its integer part. */
  at(zoom: number): readonly FacilityCluster[] {
    const level = clusterLevel(zoom);
    return level > CLUSTER_MAX_ZOOM ? [] : this.levels[level];
  }

  cluster(key: string | undefined): FacilityCluster | undefined {
    return key === undefined ? undefined : this.byKey.get(key);
  }

  /** The facilities a cluster holds (input indices), largest capacity first. */
  memberIndices(cluster: FacilityCluster): number[] {
    let found = this.members.get(cluster.id);
    if (!found) {
      found = this.index.getLeaves(cluster.id, Infinity).map((leaf) => leaf.properties.i)
        .sort((a, b) => (this.inputs[b].capacity ?? -1) - (this.inputs[a].capacity ?? -1) || a - b);
      this.members.set(cluster.id, found);
    }
    return found;
  }

  /** The zoom at which a cluster splits into smaller clusters or facilities. */
  expansionZoom(cluster: FacilityCluster): number {
    return Math.min(this.index.getClusterExpansionZoom(cluster.id), CLUSTER_MAX_ZOOM + 1);
  }

  /** At a zoom: each facility id inside a cluster → its cluster (facilities drawn alone are absent). */
  membership(zoom: number): ReadonlyMap<string, FacilityCluster> {
    const level = clusterLevel(zoom);
    let map = this.memberships.get(level);
    if (!map) {
      map = new Map();
      for (const cluster of this.at(level)) {
        for (const i of this.memberIndices(cluster)) map.set(this.inputs[i].id, cluster);
      }
      this.memberships.set(level, map);
    }
    return map;
  }
}

/** The integer level a fractional zoom shows (as tiles do), 0..CLUSTER_MAX_ZOOM + 1. */
export function clusterLevel(zoom: number): number {
  return Math.max(0, Math.min(CLUSTER_MAX_ZOOM + 1, Math.floor(zoom)));
}

function toCluster(position: LngLat, zoom: number, props: Supercluster.ClusterProperties & Aggregates): FacilityCluster {
  const statuses = FACILITY_STATUSES.map((status, k) => ({ status, count: props.s[k] })).filter((s) => s.count > 0);
  const main = statuses.reduce((best, s) => (s.count > best.count ? s : best), statuses[0]);
  return {
    id: props.cluster_id,
    key: `${CLUSTER_KEY_PREFIX}${props.cluster_id}`,
    zoom,
    position,
    count: props.point_count,
    capacity: props.capacity,
    unknownCapacity: props.unknown,
    statuses,
    mainStatus: main.status,
  };
}

/** What {@link loadByZoom} uses of Supercluster 8 beyond its typed API. */
interface SuperclusterLevels {
  options: { minZoom: number; maxZoom: number };
  trees: unknown[];
  _cluster?: (tree: unknown, zoom: number) => number[];
  _createTree?: (data: number[]) => unknown;
}

/**
 * Supercluster's `load`, a zoom level per step. Its own `load` indexes the points and then clusters
 * each level from the deepest up in one call; here `load` indexes only the points, and each level
 * is made as `load` makes it (`_createTree(_cluster(tree, zoom))`). Should a later Supercluster
 * drop those methods, the whole load runs in one step instead (test/clusters.test.ts compares both).
 */
function* loadByZoom<P extends object, C extends object>(index: Supercluster<P, C>, points: Array<Supercluster.PointFeature<P>>): Generator<void, void> {
  const levels = index as unknown as SuperclusterLevels;
  const { minZoom, maxZoom } = levels.options;
  if (typeof levels._cluster !== 'function' || typeof levels._createTree !== 'function' || !Array.isArray(levels.trees)) {
    index.load(points);
    return;
  }
  // With no level to make (minZoom above maxZoom), `load` builds only the points' tree.
  levels.options.minZoom = maxZoom + 1;
  try {
    index.load(points);
  } finally {
    levels.options.minZoom = minZoom;
  }
  for (let zoom = maxZoom; zoom >= minZoom; zoom--) {
    yield;
    levels.trees[zoom] = levels._createTree(levels._cluster(levels.trees[zoom + 1], zoom));
  }
}
