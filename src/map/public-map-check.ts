/**
 * Type-level only (nothing imports this file; `tsc` checks it with the rest of src/): MapLibre's
 * `Map` is what the element's `map` getter returns, so it must be assignable to the interface
 * the published declarations give it (public-map.ts). A MapLibre upgrade that changes one of the
 * methods the interface names fails the type-check here, with the method in the message.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { PrisonMapMapLibre } from './public-map.js';

type Assignable<Target, Source extends Target> = Source;

export type MapLibreMapIsPrisonMapMapLibre = Assignable<PrisonMapMapLibre, MapLibreMap>;
