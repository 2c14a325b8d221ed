/**
 * `import 'prison-map'` defines <prison-map> (once: loading a second copy does not throw) and
 * exports the element class, the data types and the type of its MapLibre map (`el.map`).
 */
import { PrisonMapElement, type PrisonMapErrorDetail, type PrisonMapReadyDetail, type PrisonMapSelectDetail } from './prison-map.js';

export { PrisonMapElement };
export type { PrisonMapReadyDetail, PrisonMapErrorDetail, PrisonMapSelectDetail, ErrorSource } from './prison-map.js';
// Types only, by name: the bundled declarations (scripts/build-types.mjs) would otherwise also
// offer data/types.ts's constant lists as values, which dist/prison-map.js does not export.
export type {
  CountriesInput, CountryContext, CountryInput, DataIssue, DatasetName, FacilitiesInput, Facility, FacilityProperties,
  FacilityStatus, Parsed, Precision, Source, Transfer, TransferInput, TransferKind, TransferStatus, TransfersInput,
} from './data/types.js';
export type * from './map/public-map.js';

if (!customElements.get('prison-map')) customElements.define('prison-map', PrisonMapElement);

declare global {
  interface HTMLElementTagNameMap {
    'prison-map': PrisonMapElement;
  }
  interface HTMLElementEventMap {
    'prison-map-ready': CustomEvent<PrisonMapReadyDetail>;
    'prison-map-select': CustomEvent<PrisonMapSelectDetail>;
    'prison-map-error': CustomEvent<PrisonMapErrorDetail>;
    'prison-map-preview': CustomEvent<Record<string, never>>;
  }
}
