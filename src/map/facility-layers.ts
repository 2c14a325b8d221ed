/**
 * The facilities layers: a GeoJSON source of points carrying the model's already-scaled radius,
 * colour and labels, drawn as filled circles (known capacity) and hollow rings (unknown capacity),
 * smaller circles above larger ones; labels placed beside the circles with collision handling,
 * largest facilities first; and the selected (or focused) facility redrawn on top, outlined, with
 * its label always shown.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ExpressionSpecification, FilterSpecification, GeoJSONSourceSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { ThemePalette } from '../encodings/palette.js';
import { CLUSTER_FILL_OPACITY, CLUSTER_STROKE_WIDTH, FACILITY_FILL_OPACITY, FACILITY_STROKE_WIDTH, UNKNOWN_RING_WIDTH } from '../encodings/mark-styles.js';
import type { Lang } from '../i18n/strings.js';
import { ALWAYS_SHOWN_ZOOM } from '../model/clusters.js';
import type { ClusterMark, FacilityMark } from '../model/model.js';
import { LABEL_FONTS } from './basemap.js';
import { tween } from '../shared/scheduling.js';

export const FACILITY_SOURCE_ID = 'prison-map-facilities';
export const FACILITY_FILL_LAYER_ID = 'prison-map-facilities-fill';
export const FACILITY_UNKNOWN_LAYER_ID = 'prison-map-facilities-unknown';
export const FACILITY_HIGHLIGHT_LAYER_ID = 'prison-map-facilities-highlight';
export const FACILITY_LABEL_LAYER_ID = 'prison-map-facility-labels';
export const FACILITY_HIGHLIGHT_LABEL_LAYER_ID = 'prison-map-facility-label-highlight';
export const CLUSTER_LAYER_ID = 'prison-map-clusters';
export const CLUSTER_COUNT_LAYER_ID = 'prison-map-cluster-counts';
/** Invisible squares over every circle, placed before the facilities' labels: no label crosses a circle. */
export const FACILITY_OBSTACLE_LAYER_ID = 'prison-map-facility-obstacles';
/** A transparent square icon {@link OBSTACLE_ICON_PX} px wide: the obstacle layer's collision box. */
export const OBSTACLE_ICON_ID = 'prison-map-obstacle';
const OBSTACLE_ICON_PX = 16;

/** Adds the obstacle layer's transparent icon to the map's style (once per style). */
export function addObstacleIcon(map: MapLibreMap): void {
  if (map.hasImage(OBSTACLE_ICON_ID)) return;
  map.addImage(OBSTACLE_ICON_ID, { width: OBSTACLE_ICON_PX, height: OBSTACLE_ICON_PX, data: new Uint8Array(OBSTACLE_ICON_PX * OBSTACLE_ICON_PX * 4) });
}

/**
 * What the layers read of each point, and nothing else: MapLibre copies every property of every
 * feature to its worker on the main thread (a newsroom's 11,500 facilities and their clusters are
 * about 19,000 features), so flags are present only when true and a facility's zoom range only
 * when it differs from the default; names only for the labelled. The rest stays in the model.
 */
export interface FacilityFeatureProps {
  id: string;
  color: string;
  /** CSS px; for unknown capacity, the ring's radius. */
  radius: number;
  /** Present (true) for unknown capacity: drawn as a ring. */
  unknownCapacity?: true;
  /** The name written beside it, for the largest facilities (model.ts); a cluster's count. The selected one's is in its own source. */
  label_en?: string;
  label_es?: string;
  /** Present (true) for the facilities among the largest that get a label. */
  labelled?: true;
  /** Present (true) for a cluster of facilities (its `id` is the cluster's key), drawn with its count. */
  cluster?: true;
  /** The integer zoom levels it is drawn at: zmin ≤ zoom < zmax (clusters.ts); absent: 0 and always. */
  zmin?: number;
  zmax?: number;
  /** Clusters: how many facilities (MapLibre's clustered sources' name) and their summed known capacity. */
  point_count?: number;
  capacity?: number;
}

/**
 * The facilities' source: every facility, drawn from the level at which it stands alone, and every
 * level's clusters, each drawn at its own level.
 */
export function facilityFeatures(
  marks: readonly FacilityMark[],
  clusters: readonly ClusterMark[] = [],
  ownFrom?: ArrayLike<number>,
): FeatureCollection<Point, FacilityFeatureProps> {
  const facilities = marks.map((m, i) => facilityFeature(m, { named: m.labelled, labelled: m.labelled, zmin: ownFrom?.[i] }));
  const counts = { en: new Intl.NumberFormat('en', { notation: 'compact' }), es: new Intl.NumberFormat('es', { notation: 'compact' }) };
  const groups = clusters.map(({ cluster, radius, color }): Feature<Point, FacilityFeatureProps> => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: cluster.position },
    properties: {
      id: cluster.key,
      color,
      radius,
      label_en: counts.en.format(cluster.count),
      label_es: counts.es.format(cluster.count),
      cluster: true,
      zmin: cluster.zoom,
      zmax: cluster.zoom + 1,
      point_count: cluster.count,
      capacity: cluster.capacity,
    },
  }));
  return { type: 'FeatureCollection', features: facilities.concat(groups) };
}

/** One facility's point: its name only if `named`, its zoom range only if it starts above 0. */
function facilityFeature(mark: FacilityMark, { named, labelled, zmin }: { named: boolean; labelled?: boolean; zmin?: number }): Feature<Point, FacilityFeatureProps> {
  const properties: FacilityFeatureProps = { id: mark.facility.id, color: mark.color, radius: mark.radius };
  if (mark.hollow) properties.unknownCapacity = true;
  if (labelled) properties.labelled = true;
  if (named) Object.assign(properties, { label_en: mark.label.en, label_es: mark.label.es });
  if (zmin) properties.zmin = zmin;
  return { type: 'Feature', geometry: { type: 'Point', coordinates: mark.position }, properties };
}

/**
 * The radius, scaled by the feature state `appear` (0..1) while a facility grows in or shrinks out
 * as the `year` changes; 1 when there is no such state.
 */
const APPEARING_RADIUS: ExpressionSpecification = ['*', ['get', 'radius'], ['coalesce', ['feature-state', 'appear'], 1]];

/** Drawn at the current zoom level (zoom in filters is evaluated at integer levels, as tiles are). */
const AT_THIS_ZOOM: ExpressionSpecification = ['all',
  ['>=', ['zoom'], ['coalesce', ['get', 'zmin'], 0]],
  ['<', ['zoom'], ['coalesce', ['get', 'zmax'], ALWAYS_SHOWN_ZOOM]]];
const IS_CLUSTER: ExpressionSpecification = ['has', 'cluster'];
const IS_UNKNOWN_CAPACITY: ExpressionSpecification = ['has', 'unknownCapacity'];
const FACILITY_AT_THIS_ZOOM: ExpressionSpecification = ['all', ['!', IS_CLUSTER], AT_THIS_ZOOM];

export function facilitySource(data: FeatureCollection): GeoJSONSourceSpecification {
  return { type: 'geojson', data, promoteId: 'id' };
}

/**
 * The selected (or focused) facility, alone, with its label whether or not it is among the
 * labelled: a source of one point, so that selecting costs MapLibre's worker one feature, and the
 * big source need not carry every facility's name.
 */
export const FACILITY_HIGHLIGHT_SOURCE_ID = 'prison-map-facility-highlight';

export function highlightFeatures(mark: FacilityMark | undefined): FeatureCollection<Point, FacilityFeatureProps> {
  return { type: 'FeatureCollection', features: mark ? [facilityFeature(mark, { named: true })] : [] };
}

const LABEL_SIZE = 12;

function labelText(lang: Lang): ExpressionSpecification {
  return ['get', lang === 'es' ? 'label_es' : 'label_en'];
}

/** The labelled facilities but the highlighted one, whose label its own layer always shows. */
function labelFilter(id: string | undefined): FilterSpecification {
  return ['all', ['has', 'labelled'], FACILITY_AT_THIS_ZOOM, ['!=', ['get', 'id'], id ?? '']];
}

function labelLayout(lang: Lang): NonNullable<Extract<LayerSpecification, { type: 'symbol' }>['layout']> {
  return {
    'text-field': labelText(lang),
    'text-font': LABEL_FONTS,
    'text-size': LABEL_SIZE,
    'text-max-width': 9,
    // Beside the circle, not on it: the offset (in ems) clears the circle's radius.
    'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
    'text-radial-offset': ['+', ['/', ['get', 'radius'], LABEL_SIZE], 0.35],
    'text-justify': 'auto',
    'text-padding': 2,
  };
}

export function facilityLayers(palette: Pick<ThemePalette, 'markStroke' | 'highlight' | 'storyLabel'>, lang: Lang): LayerSpecification[] {
  const labelPaint = {
    'text-color': palette.storyLabel.text,
    'text-halo-color': palette.storyLabel.halo,
    'text-halo-width': 1.6,
  };
  return [
    {
      // Clusters: summed capacity on the same scale and a wider edge, under the arcs that end at
      // their centres; their count is written by a layer above the arcs.
      id: CLUSTER_LAYER_ID,
      type: 'circle',
      source: FACILITY_SOURCE_ID,
      filter: ['all', IS_CLUSTER, AT_THIS_ZOOM],
      layout: { 'circle-sort-key': ['-', 0, ['get', 'radius']] },
      paint: {
        'circle-radius': ['get', 'radius'],
        'circle-color': ['get', 'color'],
        'circle-opacity': CLUSTER_FILL_OPACITY,
        'circle-stroke-color': palette.markStroke,
        'circle-stroke-width': CLUSTER_STROKE_WIDTH,
        // Round on screen even towards the globe's edge: the area, not a foreshortened ellipse, is the capacity.
        'circle-pitch-alignment': 'viewport',
      },
    },
    {
      id: FACILITY_FILL_LAYER_ID,
      type: 'circle',
      source: FACILITY_SOURCE_ID,
      filter: ['all', FACILITY_AT_THIS_ZOOM, ['!', IS_UNKNOWN_CAPACITY]],
      layout: {
        // Larger circles first, so a small prison next to a large one stays visible on top.
        'circle-sort-key': ['-', 0, ['get', 'radius']],
      },
      paint: {
        'circle-radius': APPEARING_RADIUS,
        'circle-color': ['get', 'color'],
        'circle-opacity': FACILITY_FILL_OPACITY,
        'circle-stroke-color': palette.markStroke,
        'circle-stroke-width': FACILITY_STROKE_WIDTH,
        'circle-pitch-alignment': 'viewport',
      },
    },
    {
      id: FACILITY_UNKNOWN_LAYER_ID,
      type: 'circle',
      source: FACILITY_SOURCE_ID,
      filter: ['all', FACILITY_AT_THIS_ZOOM, IS_UNKNOWN_CAPACITY],
      paint: {
        'circle-radius': APPEARING_RADIUS,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': ['get', 'color'],
        'circle-stroke-width': UNKNOWN_RING_WIDTH,
      },
    },
    {
      id: CLUSTER_COUNT_LAYER_ID,
      type: 'symbol',
      source: FACILITY_SOURCE_ID,
      filter: ['all', IS_CLUSTER, AT_THIS_ZOOM],
      layout: {
        'text-field': labelText(lang),
        'text-font': LABEL_FONTS,
        'text-size': 11,
        // Always written, and in the way of every label placed after it (the country names too:
        // the controller places this layer first), so no name is printed across a count.
        'text-allow-overlap': true,
        'text-ignore-placement': false,
      },
      paint: labelPaint,
    },
    {
      // The selected or focused facility, raised above its neighbours and outlined.
      id: FACILITY_HIGHLIGHT_LAYER_ID,
      type: 'circle',
      source: FACILITY_HIGHLIGHT_SOURCE_ID,
      paint: {
        'circle-radius': ['get', 'radius'],
        'circle-color': ['case', IS_UNKNOWN_CAPACITY, 'rgba(0,0,0,0)', ['get', 'color']],
        'circle-opacity': 0.9,
        'circle-stroke-color': palette.highlight,
        'circle-stroke-width': 3,
      },
    },
    {
      id: FACILITY_LABEL_LAYER_ID,
      type: 'symbol',
      source: FACILITY_SOURCE_ID,
      filter: labelFilter(undefined),
      // Largest facilities win a place first.
      layout: { ...labelLayout(lang), 'symbol-sort-key': ['-', 0, ['get', 'radius']] },
      paint: labelPaint,
    },
    {
      // Placed before the labels under it (MapLibre places symbol layers from the top down),
      // drawn nowhere: each circle's box keeps the facilities' labels off it.
      id: FACILITY_OBSTACLE_LAYER_ID,
      type: 'symbol',
      source: FACILITY_SOURCE_ID,
      filter: AT_THIS_ZOOM,
      layout: {
        'icon-image': OBSTACLE_ICON_ID,
        'icon-size': ['/', ['*', 2, ['get', 'radius']], OBSTACLE_ICON_PX],
        'icon-padding': 0,
        'icon-allow-overlap': true,
        'icon-ignore-placement': false,
      },
    },
    {
      id: FACILITY_HIGHLIGHT_LABEL_LAYER_ID,
      type: 'symbol',
      source: FACILITY_HIGHLIGHT_SOURCE_ID,
      layout: { ...labelLayout(lang), 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { ...labelPaint, 'text-halo-width': 2.2 },
    },
  ];
}

/** Shows one facility (or none) raised, outlined and with its label; its own label among the others is left out. */
export function highlightFacilityLayers(map: MapLibreMap, mark: FacilityMark | undefined): void {
  const source = map.getSource(FACILITY_HIGHLIGHT_SOURCE_ID);
  if (!source || !('setData' in source) || !map.getLayer(FACILITY_LABEL_LAYER_ID)) return;
  (source as { setData(data: FeatureCollection): void }).setData(highlightFeatures(mark));
  map.setFilter(FACILITY_LABEL_LAYER_ID, labelFilter(mark?.facility.id));
}

export function setFacilityLabelLanguage(map: MapLibreMap, lang: Lang): void {
  for (const id of [FACILITY_LABEL_LAYER_ID, FACILITY_HIGHLIGHT_LABEL_LAYER_ID, CLUSTER_COUNT_LAYER_ID]) {
    if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', labelText(lang));
  }
}

/** The paint values that depend on the theme, for restyling in place. */
type PaintProperty = Parameters<MapLibreMap['setPaintProperty']>[1];

export function facilityThemePaint(palette: Pick<ThemePalette, 'markStroke' | 'highlight' | 'storyLabel'>): Array<[string, PaintProperty, string]> {
  return [
    [FACILITY_FILL_LAYER_ID, 'circle-stroke-color', palette.markStroke],
    [CLUSTER_LAYER_ID, 'circle-stroke-color', palette.markStroke],
    [CLUSTER_COUNT_LAYER_ID, 'text-color', palette.storyLabel.text],
    [CLUSTER_COUNT_LAYER_ID, 'text-halo-color', palette.storyLabel.halo],
    [FACILITY_HIGHLIGHT_LAYER_ID, 'circle-stroke-color', palette.highlight],
    [FACILITY_LABEL_LAYER_ID, 'text-color', palette.storyLabel.text],
    [FACILITY_LABEL_LAYER_ID, 'text-halo-color', palette.storyLabel.halo],
    [FACILITY_HIGHLIGHT_LABEL_LAYER_ID, 'text-color', palette.storyLabel.text],
    [FACILITY_HIGHLIGHT_LABEL_LAYER_ID, 'text-halo-color', palette.storyLabel.halo],
  ];
}

/** How long a facility takes to grow in or shrink out when the year changes (ms). */
export const APPEAR_MS = 400;

/**
 * Grows facilities in (0 → 1) or shrinks them out (1 → 0) through their `appear` feature state,
 * one step per frame; resolves when done. Feature state changes repaint without re-tiling.
 */
export async function animateAppearance(map: MapLibreMap, ids: readonly string[], direction: 'in' | 'out'): Promise<void> {
  if (ids.length === 0) return;
  const set = (value: number) => {
    if (!map.getSource(FACILITY_SOURCE_ID)) return;
    for (const id of ids) map.setFeatureState({ source: FACILITY_SOURCE_ID, id }, { appear: value });
  };
  set(direction === 'in' ? 0 : 1);
  await tween(APPEAR_MS, (t) => set(direction === 'in' ? t : 1 - t));
  if (direction === 'in' && map.getSource(FACILITY_SOURCE_ID)) {
    for (const id of ids) map.removeFeatureState({ source: FACILITY_SOURCE_ID, id }, 'appear');
  }
}
