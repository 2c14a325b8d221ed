/**
 * `import 'prison-map'` defines <prison-map> (once: loading a second copy does not throw) and
 * exports the element class and the data types.
 */
import { PrisonMapElement } from './prison-map.js';

export { PrisonMapElement };
export type { PrisonMapReadyDetail, PrisonMapErrorDetail, PrisonMapSelectDetail, ErrorSource } from './prison-map.js';
export type * from './data/types.js';

if (!customElements.get('prison-map')) customElements.define('prison-map', PrisonMapElement);
