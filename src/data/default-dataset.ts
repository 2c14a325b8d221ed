/** The bundled dataset, in its own lazily loaded chunk: pages that bring their own data never load it. */
import facilitiesText from '../../data/facilities.geojson?raw';

export const defaultDataset = {
  facilities: JSON.parse(facilitiesText) as unknown,
};
