/** Every string a reader sees or hears, in English and Spanish, and the Intl formats. */
import type { FacilityStatus, Precision, TransferKind, TransferStatus } from '../data/types.js';

export type Lang = 'en' | 'es';
export const LANGS: readonly Lang[] = ['en', 'es'];

/** `es-SV`, `ES`, ` es ` → `es`; anything unknown → `en`. */
export function normalizeLang(value: string | null | undefined): Lang {
  const primary = (value ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'es' ? 'es' : 'en';
}

interface Strings {
  mapLabel: string;
  pauseAnimation: string;
  playAnimation: string;
  showData: string;
  hideData: string;
  transfersLegendTitle: string;
  selectedAnnouncement: (name: string) => string;
  keyboardHint: string;
  loading: string;
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

  // Details card
  closeDetails: string;
  cardKind: Record<'facility' | 'transfer' | 'country', string>;
  country: string;
  capacityValueUnknown: string;
  population: string;
  occupancy: string;
  /** Label of `opened` for an operational facility, and for one not (yet) built. */
  opened: string;
  announced: string;
  location: string;
  sources: string;
  from: string;
  to: string;
  kind: string;
  /** Longer kind names for the card: assistance is know-how or staff, not people. */
  transferKindLong: Record<TransferKind, string>;
  /** Column/label for `count`, by kind. */
  countLabel: Record<TransferKind, string>;
  year: string;
  feePerYear: string;
  feePerPersonPerYear: string;
  note: string;
  name: string;
  /** "A → B": the direction of a transfer. */
  fromTo: (from: string, to: string) => string;

  // Tooltip
  places: (n: string) => string;
  inmatesCount: (n: string) => string;
  perYear: (amount: string) => string;
  occupancyOfCapacity: (pct: string) => string;

  // Tables
  facilitiesCaption: string;
  transfersCaption: string;
  countriesCaption: string;

  // Occupancy shading legend
  occupancyLegendTitle: string;
  occupancyBelow: (pct: string) => string;
  occupancyRange: (from: string, to: string) => string;
  occupancyAtLeast: (pct: string) => string;

  // Summary
  summary: SummaryStrings;
}

/** The pieces the generated summary is assembled from. Counts arrive as numbers and as formatted text. */
export interface SummaryStrings {
  noFacilities: string;
  facilitiesInCountries: (n: number, nText: string, countries: number, countriesText: string) => string;
  largest: (name: string, country: string, capacity: string) => string;
  /** Leads the status clauses: "Of these, 2 are under construction and 1 is planned." */
  statusesLead: string;
  /** One status clause ("2 are under construction"), joined by a list format. */
  statusClause: (status: FacilityStatus, n: number, nText: string) => string;
  /** A facility as a transfer endpoint, with its country. */
  facilityIn: (name: string, country: string) => string;
  /** One or more origins (already joined) and the verb agreement they need. */
  transfer: (args: {
    from: string;
    plural: boolean;
    to: string;
    kind: TransferKind;
    status: TransferStatus;
    count?: string;
    fee?: string;
  }) => string;
  noTransfers: string;
  highestOccupancy: (country: string, pct: string, year?: string) => string;
  notOnMap: (country: string, note: string) => string;
}

const en: Strings = {
  mapLabel: 'Map of prison facilities and transfers',
  pauseAnimation: 'Pause animation',
  playAnimation: 'Play animation',
  showData: 'Data',
  hideData: 'Hide data',
  transfersLegendTitle: 'Transfers',
  selectedAnnouncement: (name) => `Selected: ${name}`,
  keyboardHint: 'Arrow keys move between facilities and transfers, Enter opens details, Escape closes them, plus and minus zoom.',
  loading: 'Loading map…',
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
  closeDetails: 'Close details',
  cardKind: { facility: 'Prison', transfer: 'Transfer', country: 'Country' },
  country: 'Country',
  capacityValueUnknown: 'Unknown',
  population: 'Population',
  occupancy: 'Occupancy',
  opened: 'Opened',
  announced: 'Announced',
  location: 'Location',
  sources: 'Sources',
  from: 'From',
  to: 'To',
  kind: 'Kind',
  transferKindLong: {
    inmates: 'Transfer of inmates',
    assistance: 'Assistance (know-how or staff, not people)',
  },
  countLabel: { inmates: 'Inmates', assistance: 'Staff' },
  year: 'Year',
  feePerYear: 'Fee per year',
  feePerPersonPerYear: 'Fee per person per year',
  note: 'Note',
  name: 'Name',
  fromTo: (from, to) => `${from} → ${to}`,
  places: (n) => `${n} places`,
  inmatesCount: (n) => `${n} inmates`,
  perYear: (amount) => `${amount} a year`,
  occupancyOfCapacity: (pct) => `Prisons at ${pct} of capacity`,
  facilitiesCaption: 'Prison facilities',
  transfersCaption: 'Transfers between countries',
  countriesCaption: 'Country context',
  occupancyLegendTitle: 'Prison occupancy (% of capacity)',
  occupancyBelow: (pct) => `Under ${pct}`,
  occupancyRange: (from, to) => `${from}–${to}`,
  occupancyAtLeast: (pct) => `${pct} or more`,
  summary: {
    noFacilities: 'No prison facilities are shown.',
    facilitiesInCountries: (n, nText, c, cText) =>
      `The map shows ${nText} prison ${n === 1 ? 'facility' : 'facilities'} in ${cText} ${c === 1 ? 'country' : 'countries'}.`,
    largest: (name, country, capacity) => `The largest by capacity is ${name} in ${country}, with ${capacity} places.`,
    statusesLead: 'Of these, ',
    statusClause: (status, n, nText) => {
      const verb = n === 1 ? 'is' : 'are';
      const phrase: Record<FacilityStatus, string> = {
        operational: 'operational', 'under-construction': 'under construction', planned: 'planned',
        'on-hold': 'on hold', cancelled: 'cancelled',
      };
      return `${nText} ${verb} ${phrase[status]}`;
    },
    facilityIn: (name, country) => `${name} in ${country}`,
    transfer: ({ from, plural, to, kind, status, count, fee }) => {
      const what = kind === 'assistance' ? 'technical assistance' : count ? `${count} inmates` : 'inmates';
      const money = fee ? ` for ${fee} a year` : '';
      if (kind === 'assistance') {
        const verb = {
          active: plural ? 'provide' : 'provides',
          agreed: plural ? 'have agreed to provide' : 'has agreed to provide',
          considered: plural ? 'are considering' : 'is considering',
          cancelled: plural ? 'have called off' : 'has called off',
        }[status];
        return `${from} ${verb} ${what} to ${to}${money}`;
      }
      const verb = {
        active: plural ? 'send' : 'sends',
        agreed: plural ? 'have agreed to send' : 'has agreed to send',
        considered: plural ? 'are considering sending' : 'is considering sending',
        cancelled: plural ? 'have called off sending' : 'has called off sending',
      }[status];
      return `${from} ${verb} ${what} to ${to}${money}`;
    },
    noTransfers: 'No transfers between countries are recorded.',
    highestOccupancy: (country, pct, year) =>
      `Prison occupancy is highest in ${country}, at ${pct} of capacity${year ? ` (${year})` : ''}.`,
    notOnMap: (country, note) => `Not on the map — ${country}: ${note}`,
  },
};

const es: Strings = {
  mapLabel: 'Mapa de cárceles y traslados de presos',
  pauseAnimation: 'Pausar la animación',
  playAnimation: 'Reanudar la animación',
  showData: 'Datos',
  hideData: 'Ocultar datos',
  transfersLegendTitle: 'Traslados',
  selectedAnnouncement: (name) => `Seleccionado: ${name}`,
  keyboardHint: 'Las flechas recorren cárceles y traslados, Intro abre los detalles, Escape los cierra, más y menos acercan o alejan.',
  loading: 'Cargando el mapa…',
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
  closeDetails: 'Cerrar detalles',
  cardKind: { facility: 'Cárcel', transfer: 'Traslado', country: 'País' },
  country: 'País',
  capacityValueUnknown: 'Desconocida',
  population: 'Población reclusa',
  occupancy: 'Ocupación',
  opened: 'Inaugurada',
  announced: 'Anunciada',
  location: 'Ubicación',
  sources: 'Fuentes',
  from: 'Origen',
  to: 'Destino',
  kind: 'Tipo',
  transferKindLong: {
    inmates: 'Traslado de presos',
    assistance: 'Asistencia (conocimientos o personal, no personas)',
  },
  countLabel: { inmates: 'Presos', assistance: 'Personal' },
  year: 'Año',
  feePerYear: 'Pago anual',
  feePerPersonPerYear: 'Pago anual por persona',
  note: 'Nota',
  name: 'Nombre',
  fromTo: (from, to) => `${from} → ${to}`,
  places: (n) => `${n} plazas`,
  inmatesCount: (n) => `${n} presos`,
  perYear: (amount) => `${amount} al año`,
  occupancyOfCapacity: (pct) => `Cárceles al ${pct} de su capacidad`,
  facilitiesCaption: 'Cárceles',
  transfersCaption: 'Traslados entre países',
  countriesCaption: 'Contexto por país',
  occupancyLegendTitle: 'Ocupación penitenciaria (% de la capacidad)',
  occupancyBelow: (pct) => `Menos del ${pct}`,
  occupancyRange: (from, to) => `${from}–${to}`,
  occupancyAtLeast: (pct) => `${pct} o más`,
  summary: {
    noFacilities: 'El mapa no muestra ninguna cárcel.',
    facilitiesInCountries: (n, nText, c, cText) =>
      `El mapa muestra ${nText} ${n === 1 ? 'cárcel' : 'cárceles'} en ${cText} ${c === 1 ? 'país' : 'países'}.`,
    largest: (name, country, capacity) => `La de mayor capacidad es ${name}, en ${country}, con ${capacity} plazas.`,
    statusesLead: 'De ellas, ',
    statusClause: (status, n, nText) => {
      const verb = n === 1 ? 'está' : 'están';
      const phrase: Record<FacilityStatus, [string, string]> = {
        operational: ['en funcionamiento', 'en funcionamiento'],
        'under-construction': ['en construcción', 'en construcción'],
        planned: ['planificada', 'planificadas'],
        'on-hold': ['paralizada', 'paralizadas'],
        cancelled: ['cancelada', 'canceladas'],
      };
      return `${nText} ${verb} ${phrase[status][n === 1 ? 0 : 1]}`;
    },
    facilityIn: (name, country) => `la cárcel ${name}, en ${country},`,
    transfer: ({ from, plural, to, kind, status, count, fee }) => {
      const money = fee ? ` por ${fee} al año` : '';
      if (kind === 'assistance') {
        const verb = {
          active: plural ? 'prestan' : 'presta',
          agreed: plural ? 'han acordado prestar' : 'ha acordado prestar',
          considered: plural ? 'estudian prestar' : 'estudia prestar',
          cancelled: plural ? 'han desistido de prestar' : 'ha desistido de prestar',
        }[status];
        return `${from} ${verb} asistencia técnica a ${to}${money}`.replace(/,$/, '');
      }
      const what = count ? `${count} presos` : 'presos';
      const verb = {
        active: plural ? 'envían' : 'envía',
        agreed: plural ? 'han acordado enviar' : 'ha acordado enviar',
        considered: plural ? 'estudian enviar' : 'estudia enviar',
        cancelled: plural ? 'han desistido de enviar' : 'ha desistido de enviar',
      }[status];
      return `${from} ${verb} ${what} a ${to}${money}`.replace(/,$/, '');
    },
    noTransfers: 'No consta ningún traslado entre países.',
    highestOccupancy: (country, pct, year) =>
      `La ocupación penitenciaria más alta es la de ${country}, con un ${pct} de su capacidad${year ? ` (${year})` : ''}.`,
    notOnMap: (country, note) => `Fuera del mapa — ${country}: ${note}`,
  },
};

const STRINGS: Record<Lang, Strings> = { en, es };

export function strings(lang: Lang): Strings {
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

/**
 * A partial date as a reader says it: `2023` → "2023"; `2023-01` → "January 2023" / "enero de
 * 2023"; `2023-01-05` → "January 5, 2023" / "5 de enero de 2023". Anything else is returned as given
 * (it is shown as text, never as markup).
 */
export function formatDate(partial: string, lang: Lang): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(partial.trim());
  if (!match) return partial;
  const [, year, month, day] = match;
  if (!month) return year;
  const monthIndex = Number(month) - 1;
  if (monthIndex < 0 || monthIndex > 11) return partial;
  // UTC on both sides, so the reader's time zone cannot move the date to the day before.
  const date = new Date(Date.UTC(Number(year), monthIndex, day ? Number(day) : 1));
  if (day && date.getUTCMonth() !== monthIndex) return partial;
  return new Intl.DateTimeFormat(lang, {
    year: 'numeric', month: 'long', ...(day ? { day: 'numeric' } : {}), timeZone: 'UTC',
  }).format(date);
}

/**
 * US dollars, whole: "US$6,000,000" (en) or "6.000.000 US$" (es). English Intl prints a bare "$",
 * which in Latin America means the local peso; the "US$" makes the currency unmistakable.
 */
export function formatUsd(value: number, lang: Lang): string {
  const format = new Intl.NumberFormat(lang, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
  return format.formatToParts(value)
    .map((part) => (part.type === 'currency' && part.value === '$' ? 'US$' : part.value))
    .join('');
}

/** Dollars as a sentence says them: "US$6 million" / "6 millones de dólares"; below a million as {@link formatUsd}. */
export function formatUsdInText(value: number, lang: Lang): string {
  if (Math.abs(value) < 1_000_000) return formatUsd(value, lang);
  const amount = new Intl.NumberFormat(lang, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 }).format(value);
  return lang === 'es' ? `${amount} de dólares` : `US$${amount}`;
}

/** A percentage given in percent (149 → "149%" / "149 %"), rounded to whole percent. */
export function formatPercent(percent: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

/** "A, B and C" / "A, B y C". */
export function formatList(items: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(lang, { type: 'conjunction', style: 'long' }).format(items);
}
