/** The bundled dataset, in its own lazily loaded chunk: pages that bring their own data never load it. */
import facilitiesText from '../../data/facilities.geojson?raw';
import transfers from '../../data/transfers.json';
import countries from '../../data/countries.json';

export const defaultDataset = {
  facilities: JSON.parse(facilitiesText) as unknown,
  transfers: transfers as unknown,
  countries: countries as unknown,
};
