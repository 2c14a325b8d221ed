/**
 * The facilities layer: a GeoJSON source of points carrying their already-scaled radius and
 * colour, drawn as filled circles (known capacity) and hollow rings (unknown capacity).
 */
import type { FeatureCollection, Point } from 'geojson';
import type { LayerSpecification, GeoJSONSourceSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Facility, FacilityStatus } from '../data/types.js';

export const FACILITY_SOURCE_ID = 'prison-map-facilities';
export const FACILITY_FILL_LAYER_ID = 'prison-map-facilities-fill';
export const FACILITY_UNKNOWN_LAYER_ID = 'prison-map-facilities-unknown';
export const FACILITY_HIGHLIGHT_LAYER_ID = 'prison-map-facilities-highlight';

/** The ring drawn for a facility of unknown capacity, in CSS px. */
export const UNKNOWN_CAPACITY_RADIUS = 6;

export interface FacilityFeatureProps {
  id: string;
  name: string;
  status: FacilityStatus;
  color: string;
  /** CSS px; for unknown capacity, the ring's radius. */
  radius: number;
  unknownCapacity: boolean;
}

export interface FacilityMarkStyle {
  /** Outline of every circle: separates overlapping circles and lifts them off the land. */
  stroke: string;
  highlight: string;
}

export function facilityFeatures(
  facilities: readonly Facility[],
  radius: (capacity: number) => number,
  color: (status: FacilityStatus) => string,
): FeatureCollection<Point, FacilityFeatureProps> {
  return {
    type: 'FeatureCollection',
    features: facilities.map((f) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [f.longitude, f.latitude] },
      properties: {
        id: f.id,
        name: f.name,
        status: f.status,
        color: color(f.status),
        unknownCapacity: f.capacity === null,
        // A tiny facility still needs a visible dot; 2 px keeps it findable without lying much.
        radius: f.capacity === null ? UNKNOWN_CAPACITY_RADIUS : Math.max(2, radius(f.capacity)),
      },
    })),
  };
}

export function facilitySource(data: FeatureCollection): GeoJSONSourceSpecification {
  return { type: 'geojson', data, promoteId: 'id' };
}

export function facilityLayers(style: FacilityMarkStyle): LayerSpecification[] {
  return [
    {
      id: FACILITY_FILL_LAYER_ID,
      type: 'circle',
      source: FACILITY_SOURCE_ID,
      filter: ['!', ['get', 'unknownCapacity']],
      layout: {
        // Larger circles first, so a small prison next to a large one stays visible on top.
        'circle-sort-key': ['-', 0, ['get', 'radius']],
      },
      paint: {
        'circle-radius': ['get', 'radius'],
        'circle-color': ['get', 'color'],
        'circle-opacity': 0.72,
        'circle-stroke-color': style.stroke,
        'circle-stroke-width': 1,
        'circle-pitch-alignment': 'map',
      },
    },
    {
      id: FACILITY_UNKNOWN_LAYER_ID,
      type: 'circle',
      source: FACILITY_SOURCE_ID,
      filter: ['get', 'unknownCapacity'],
      paint: {
        'circle-radius': ['get', 'radius'],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': ['get', 'color'],
        'circle-stroke-width': 2.5,
      },
    },
    {
      id: FACILITY_HIGHLIGHT_LAYER_ID,
      type: 'circle',
      source: FACILITY_SOURCE_ID,
      // Filters cannot read feature-state, so every facility has a ring that only the
      // highlighted one shows.
      paint: {
        'circle-radius': ['+', ['get', 'radius'], 3],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': style.highlight,
        'circle-stroke-width': 2.5,
        'circle-stroke-opacity': ['case', ['boolean', ['feature-state', 'highlighted'], false], 1, 0],
      },
    },
  ];
}

/** The paint values that depend on the theme, for restyling in place. */
type PaintProperty = Parameters<MapLibreMap['setPaintProperty']>[1];

export function facilityThemePaint(style: FacilityMarkStyle): Array<[string, PaintProperty, string]> {
  return [
    [FACILITY_FILL_LAYER_ID, 'circle-stroke-color', style.stroke],
    [FACILITY_HIGHLIGHT_LAYER_ID, 'circle-stroke-color', style.highlight],
  ];
}
