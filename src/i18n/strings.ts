/**
 * The strings of the element's shell (map label, legend, controls, errors) in English and Spanish,
 * and number formatting. They ship in the page's first download; everything a card, tooltip,
 * table or summary says is in reader-strings.ts, which loads with the data.
 */
import type { FacilityStatus, Precision, TransferKind, TransferStatus } from '../data/types.js';

export type Lang = 'en' | 'es';

/** `es-SV`, `ES`, ` es ` → `es`; anything unknown → `en`. */
export function normalizeLang(value: string | null | undefined): Lang {
  const primary = (value ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'es' ? 'es' : 'en';
}

export interface ShellStrings {
  mapLabel: string;
  pauseAnimation: string;
  zoomIn: string;
  /** Announced when the keyboard expanded a cluster and the walk goes on among its members. */
  zoomedIn: string;
  /** The `timeline` bar. */
  timelineLabel: string;
  year: string;
  playTimeline: string;
  pauseTimeline: string;
  /** Announced when the year changes: "2024: 4 facilities, 1 transfer". */
  yearShown: (year: string, facilities: number, facilitiesText: string, transfers: number, transfersText: string) => string;
  /** An invalid `year` value (console). */
  invalidYear: (value: string) => string;
  /** An invalid `projection` value (console). */
  invalidProjection: (value: string) => string;
  zoomOut: string;
  resetView: string;
  playAnimation: string;
  showData: string;
  hideData: string;
  /** The narrow map's legend strip button. */
  showLegend: string;
  hideLegend: string;
  downloadImage: string;
  /** The second download control: the same picture as an SVG file to edit (its visible text is "SVG"). */
  downloadSvg: string;
  /** The credit line of an exported image. */
  imageCredit: (sources: string) => string;
  transfersLegendTitle: string;
  selectedAnnouncement: (name: string) => string;
  keyboardHint: string;
  loading: string;
  /** "Loading map… 40%": a long load's progress. */
  loadingProgress: (percent: string) => string;
  /** The map is still starting after several seconds (a slow connection): not an error. */
  slowStart: string;
  legendTitle: string;
  capacity: string;
  capacityUnknown: string;
  statusTitle: string;
  status: Record<FacilityStatus, string>;
  transferStatus: Record<TransferStatus, string>;
  transferKind: Record<TransferKind, string>;
  precision: Record<Precision, string>;
  people: (n: string) => string;
  loadFailed: (dataset: string, reason: string) => string;
  mapFailed: (reason: string) => string;
  datasetName: Record<'facilities' | 'transfers' | 'countries' | 'basemap' | 'webgl' | 'worker', string>;
}

const en: ShellStrings = {
  mapLabel: 'Map of prison facilities and transfers',
  pauseAnimation: 'Pause animation',
  zoomIn: 'Zoom in',
  zoomedIn: 'Zoomed in',
  timelineLabel: 'Timeline',
  year: 'Year',
  playTimeline: 'Play the years',
  pauseTimeline: 'Pause the years',
  yearShown: (year, f, fText, t, tText) => `${year}: ${fText} ${f === 1 ? 'facility' : 'facilities'}, ${tText} ${t === 1 ? 'transfer' : 'transfers'}`,
  invalidYear: (value) => `year="${value}" is not a year (YYYY); everything is shown`,
  invalidProjection: (value) => `projection="${value}" is not "mercator" or "globe"; the flat map (mercator) is shown`,
  zoomOut: 'Zoom out',
  resetView: 'Show everything',
  playAnimation: 'Play animation',
  showData: 'Data',
  hideData: 'Hide data',
  showLegend: 'Legend',
  hideLegend: 'Hide legend',
  downloadImage: 'Download image',
  downloadSvg: 'Download as SVG (editable)',
  imageCredit: (sources) => `Sources: ${sources}. Basemap: Natural Earth. Map: prison-map.`,
  transfersLegendTitle: 'Transfers',
  selectedAnnouncement: (name) => `Selected: ${name}`,
  keyboardHint: 'Arrow keys move between facilities and transfers, Enter opens details, Escape closes them, plus and minus zoom.',
  loading: 'Loading map…',
  loadingProgress: (percent) => `Loading map… ${percent}`,
  slowStart: 'The map is taking longer than usual to start…',
  legendTitle: 'Capacity (places)',
  capacity: 'Capacity',
  capacityUnknown: 'Capacity unknown',
  statusTitle: 'Status',
  status: {
    operational: 'Operational',
    'under-construction': 'Under construction',
    planned: 'Planned',
    'on-hold': 'On hold',
    cancelled: 'Cancelled',
  },
  transferStatus: { active: 'Active', agreed: 'Agreed', considered: 'Under consideration', cancelled: 'Cancelled' },
  transferKind: { inmates: 'Inmates', assistance: 'Assistance' },
  precision: { site: 'Exact site', city: 'Approximate location (city)', region: 'Approximate location (region)' },
  people: (n) => `${n} people`,
  loadFailed: (dataset, reason) => `The ${dataset} could not be loaded: ${reason}`,
  mapFailed: (reason) => `The map could not be shown: ${reason}`,
  datasetName: {
    facilities: 'facilities', transfers: 'transfers', countries: 'country data',
    basemap: 'basemap', webgl: 'map (WebGL)', worker: 'map worker',
  },
};

const es: ShellStrings = {
  mapLabel: 'Mapa de cárceles y traslados de presos',
  pauseAnimation: 'Pausar la animación',
  zoomIn: 'Acercar',
  zoomedIn: 'Mapa acercado',
  timelineLabel: 'Línea de tiempo',
  year: 'Año',
  playTimeline: 'Reproducir los años',
  pauseTimeline: 'Pausar los años',
  yearShown: (year, f, fText, t, tText) => `${year}: ${fText} ${f === 1 ? 'centro' : 'centros'}, ${tText} ${t === 1 ? 'traslado' : 'traslados'}`,
  invalidYear: (value) => `year="${value}" no es un año (AAAA); se muestra todo`,
  invalidProjection: (value) => `projection="${value}" no es "mercator" ni "globe"; se muestra el mapa plano (mercator)`,
  zoomOut: 'Alejar',
  resetView: 'Ver todo',
  playAnimation: 'Reanudar la animación',
  showData: 'Datos',
  hideData: 'Ocultar datos',
  showLegend: 'Leyenda',
  hideLegend: 'Ocultar leyenda',
  downloadImage: 'Descargar imagen',
  downloadSvg: 'Descargar como SVG (editable)',
  imageCredit: (sources) => `Fuentes: ${sources}. Mapa base: Natural Earth. Mapa: prison-map.`,
  transfersLegendTitle: 'Traslados',
  selectedAnnouncement: (name) => `Seleccionado: ${name}`,
  keyboardHint: 'Las flechas recorren cárceles y traslados, Intro abre los detalles, Escape los cierra, más y menos acercan o alejan.',
  loading: 'Cargando el mapa…',
  loadingProgress: (percent) => `Cargando el mapa… ${percent}`,
  slowStart: 'El mapa está tardando más de lo habitual en iniciarse…',
  legendTitle: 'Capacidad (plazas)',
  capacity: 'Capacidad',
  capacityUnknown: 'Capacidad desconocida',
  statusTitle: 'Estado',
  status: {
    operational: 'En funcionamiento',
    'under-construction': 'En construcción',
    planned: 'Planificada',
    'on-hold': 'Paralizada',
    cancelled: 'Cancelada',
  },
  transferStatus: { active: 'En curso', agreed: 'Acordado', considered: 'En estudio', cancelled: 'Cancelado' },
  transferKind: { inmates: 'Presos', assistance: 'Asistencia' },
  precision: { site: 'Ubicación exacta', city: 'Ubicación aproximada (ciudad)', region: 'Ubicación aproximada (región)' },
  people: (n) => `${n} personas`,
  loadFailed: (dataset, reason) => `No se pudieron cargar los datos de ${dataset}: ${reason}`,
  mapFailed: (reason) => `No se pudo mostrar el mapa: ${reason}`,
  datasetName: {
    facilities: 'cárceles', transfers: 'traslados', countries: 'países',
    basemap: 'mapa base', webgl: 'mapa (WebGL)', worker: 'proceso del mapa',
  },
};

const STRINGS: Record<Lang, ShellStrings> = { en, es };

export function strings(lang: Lang): ShellStrings {
  return STRINGS[lang];
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** 40000 → "40,000" (en) or "40.000" (es). */
export function formatNumber(value: number, lang: Lang): string {
  let format = numberFormats.get(lang);
  if (!format) {
    // Intl's Spanish rules leave 4-digit numbers ungrouped ("2000", "40.000"), as the RAE advises.
    format = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    numberFormats.set(lang, format);
  }
  return format.format(value);
}
