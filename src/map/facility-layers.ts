/**
 * The facilities layer: a GeoJSON source of points carrying the model's already-scaled radius and
 * colour, drawn as filled circles (known capacity) and hollow rings (unknown capacity).
 */
import type { FeatureCollection, Point } from 'geojson';
import type { LayerSpecification, GeoJSONSourceSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { FacilityStatus } from '../data/types.js';
import type { ThemePalette } from '../encodings/palette.js';
import type { FacilityMark } from '../model/model.js';

export const FACILITY_SOURCE_ID = 'prison-map-facilities';
export const FACILITY_FILL_LAYER_ID = 'prison-map-facilities-fill';
export const FACILITY_UNKNOWN_LAYER_ID = 'prison-map-facilities-unknown';
export const FACILITY_HIGHLIGHT_LAYER_ID = 'prison-map-facilities-highlight';

export interface FacilityFeatureProps {
  id: string;
  name: string;
  status: FacilityStatus;
  color: string;
  /** CSS px; for unknown capacity, the ring's radius. */
  radius: number;
  unknownCapacity: boolean;
}

export function facilityFeatures(marks: readonly FacilityMark[]): FeatureCollection<Point, FacilityFeatureProps> {
  return {
    type: 'FeatureCollection',
    features: marks.map((m) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: m.position },
      properties: {
        id: m.facility.id,
        name: m.facility.name,
        status: m.facility.status,
        color: m.color,
        unknownCapacity: m.hollow,
        radius: m.radius,
      },
    })),
  };
}

export function facilitySource(data: FeatureCollection): GeoJSONSourceSpecification {
  return { type: 'geojson', data, promoteId: 'id' };
}

export function facilityLayers(palette: Pick<ThemePalette, 'markStroke' | 'highlight'>): LayerSpecification[] {
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
        'circle-stroke-color': palette.markStroke,
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
        'circle-stroke-color': palette.highlight,
        'circle-stroke-width': 2.5,
        'circle-stroke-opacity': ['case', ['boolean', ['feature-state', 'highlighted'], false], 1, 0],
      },
    },
  ];
}

/** The paint values that depend on the theme, for restyling in place. */
type PaintProperty = Parameters<MapLibreMap['setPaintProperty']>[1];

export function facilityThemePaint(palette: Pick<ThemePalette, 'markStroke' | 'highlight'>): Array<[string, PaintProperty, string]> {
  return [
    [FACILITY_FILL_LAYER_ID, 'circle-stroke-color', palette.markStroke],
    [FACILITY_HIGHLIGHT_LAYER_ID, 'circle-stroke-color', palette.highlight],
  ];
}
