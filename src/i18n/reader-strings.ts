/**
 * Everything the details card, tooltip, tables, occupancy legend and summary say, in English and
 * Spanish, with the date, money and percent formats. Loaded with the data (see pipeline.ts); the
 * shell's own strings are in strings.ts and are included in `strings()` here too.
 */
import type { FacilityStatus, TransferKind, TransferStatus } from '../data/types.js';
import { strings as shellStrings, type Lang, type ShellStrings } from './strings.js';

export { formatNumber, normalizeLang, type Lang } from './strings.js';

interface ReaderOnlyStrings {
  closeDetails: string;
  cardKind: Record<'facility' | 'transfer' | 'country' | 'cluster', string>;
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
  /** Tables over LARGE_TABLE_ROWS rows: searchable, sortable, paged. */
  findFacilities: string;
  findTransfers: string;
  sortLabel: string;
  sortData: string;
  sortCapacity: string;
  sortCount: string;
  sortName: string;
  rowsShown: (from: string, to: string, total: string) => string;
  noMatches: string;
  previousPage: string;
  nextPage: string;
  largeTableClosed: (caption: string, rows: string) => string;
  /** Legend note for transfers left out by `max-flows`. */
  flowsOmitted: (count: number, n: string) => string;
  /** `year`: "As of 2023" (legend, table captions) and the summary's first sentence. */
  asOfYear: (year: string) => string;
  summaryYear: (year: string) => string;

  // Clusters (`cluster`) and the arcs between them
  /** "34 facilities around CECOT". */
  clusterName: (count: string, largest: string) => string;
  /** "Combined capacity 45,000 places". */
  clusterCapacity: (n: string) => string;
  clusterUnknown: (n: string) => string;
  /** "Click or press Enter to zoom in". */
  clusterExpand: string;
  /** The cluster card: its facts and its largest members. */
  clusterFacilities: string;
  clusterCombined: string;
  clusterLargest: string;
  /** Legend: what a circle with a number is. */
  clusterLegend: string;
  /** A cluster's transfers to and from elsewhere: "1,200 people transferred in, 300 out"; the card's fact is `clusterTransfersTitle`. */
  clusterTransfers: (inward: string, outward: string) => string;
  clusterTransfersTitle: string;
  /** "12 transfers, 3,400 inmates". */
  flowGroup: (transfers: string, people: string | undefined) => string;
  flowGroupExpand: string;

  // Occupancy shading legend
  occupancyLegendTitle: string;
  occupancyBelow: (pct: string) => string;
  occupancyRange: (from: string, to: string) => string;
  occupancyAtLeast: (pct: string) => string;

  // Summary
  summary: SummaryStrings;
}

export type Strings = ShellStrings & ReaderOnlyStrings;

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
  /** Large data: where most facilities are ("Mexico (1,200), Brazil (900) and Peru (400)"). */
  mostIn: (countries: string) => string;
  /** Large data: how many transfers, and the largest few (already joined). */
  manyTransfers: (nText: string, largest: string) => string;
  /** One of the largest transfers: "from A to B (260 people)". */
  transferBrief: (from: string, to: string, count?: string) => string;
  highestOccupancy: (country: string, pct: string, year?: string) => string;
  notOnMap: (country: string, note: string) => string;
}

const en: ReaderOnlyStrings = {
  closeDetails: 'Close details',
  cardKind: { facility: 'Prison', transfer: 'Transfer', country: 'Country', cluster: 'Group of facilities' },
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
  findFacilities: 'Find a facility',
  findTransfers: 'Find a transfer by place',
  sortLabel: 'Order',
  sortData: 'As in the data',
  sortCapacity: 'Largest first',
  sortCount: 'Most people first',
  sortName: 'By name',
  rowsShown: (from, to, total) => `Rows ${from}–${to} of ${total}`,
  noMatches: 'No row matches.',
  previousPage: 'Previous rows',
  nextPage: 'Next rows',
  largeTableClosed: (caption, rows) => `${caption}: ${rows} rows. Open “Data” to browse, search and sort them.`,
  flowsOmitted: (count, n) => `${n} smaller ${count === 1 ? 'transfer' : 'transfers'} not drawn (in “Data”)`,
  asOfYear: (year) => `As of ${year}`,
  summaryYear: (year) => `The map shows how things stood in ${year}.`,
  clusterName: (count, largest) => `${count} facilities around ${largest}`,
  clusterCapacity: (n) => `combined capacity ${n} places`,
  clusterUnknown: (n) => `${n} of unknown capacity`,
  clusterExpand: 'Click or press Enter to zoom in',
  clusterFacilities: 'Facilities',
  clusterCombined: 'Combined capacity',
  clusterLargest: 'Largest',
  clusterLegend: 'A number: that many nearby facilities, their combined capacity on the same scale (at most 1¼ times the largest circle). Zoom in to separate them.',
  clusterTransfers: (inward, outward) => `${inward} people transferred in, ${outward} out`,
  clusterTransfersTitle: 'Transfers',
  flowGroup: (transfers, people) => `${transfers} transfers${people ? `, ${people} people` : ''}`,
  flowGroupExpand: 'Click or press Enter to zoom to both ends',
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
    mostIn: (countries) => `Most are in ${countries}.`,
    manyTransfers: (nText, largest) => `The data records ${nText} transfers; the largest are ${largest}.`,
    transferBrief: (from, to, count) => `from ${from} to ${to}${count ? ` (${count} people)` : ''}`,
    highestOccupancy: (country, pct, year) =>
      `Prison occupancy is highest in ${country}, at ${pct} of capacity${year ? ` (${year})` : ''}.`,
    notOnMap: (country, note) => `Not on the map — ${country}: ${note}`,
  },
};

const es: ReaderOnlyStrings = {
  closeDetails: 'Cerrar detalles',
  cardKind: { facility: 'Cárcel', transfer: 'Traslado', country: 'País', cluster: 'Grupo de centros' },
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
  findFacilities: 'Buscar una cárcel',
  findTransfers: 'Buscar un traslado por lugar',
  sortLabel: 'Orden',
  sortData: 'Como en los datos',
  sortCapacity: 'Mayor capacidad primero',
  sortCount: 'Más personas primero',
  sortName: 'Por nombre',
  rowsShown: (from, to, total) => `Filas ${from}–${to} de ${total}`,
  noMatches: 'Ninguna fila coincide.',
  previousPage: 'Filas anteriores',
  nextPage: 'Filas siguientes',
  largeTableClosed: (caption, rows) => `${caption}: ${rows} filas. Abra «Datos» para recorrerlas, buscarlas y ordenarlas.`,
  flowsOmitted: (count, n) => (count === 1 ? `${n} traslado menor no dibujado (en «Datos»)` : `${n} traslados menores no dibujados (en «Datos»)`),
  asOfYear: (year) => `En ${year}`,
  summaryYear: (year) => `El mapa muestra la situación en ${year}.`,
  clusterName: (count, largest) => `${count} centros en torno a ${largest}`,
  clusterCapacity: (n) => `capacidad conjunta de ${n} plazas`,
  clusterUnknown: (n) => `${n} de capacidad desconocida`,
  clusterExpand: 'Haga clic o pulse Intro para acercar',
  clusterFacilities: 'Centros',
  clusterCombined: 'Capacidad conjunta',
  clusterLargest: 'Los mayores',
  clusterLegend: 'Un número: tantos centros cercanos, con su capacidad conjunta en la misma escala (como máximo 1¼ veces el círculo mayor). Acerque el mapa para separarlos.',
  clusterTransfers: (inward, outward) => `${inward} personas trasladadas hacia aquí, ${outward} desde aquí`,
  clusterTransfersTitle: 'Traslados',
  flowGroup: (transfers, people) => `${transfers} traslados${people ? `, ${people} personas` : ''}`,
  flowGroupExpand: 'Haga clic o pulse Intro para ver ambos extremos',
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
    mostIn: (countries) => `La mayoría están en ${countries}.`,
    manyTransfers: (nText, largest) => `Los datos recogen ${nText} traslados; los mayores son ${largest}.`,
    transferBrief: (from, to, count) => `de ${from} a ${to}${count ? ` (${count} personas)` : ''}`,
    highestOccupancy: (country, pct, year) =>
      `La ocupación penitenciaria más alta es la de ${country}, con un ${pct} de su capacidad${year ? ` (${year})` : ''}.`,
    notOnMap: (country, note) => `Fuera del mapa — ${country}: ${note}`,
  },
};

const READER: Record<Lang, ReaderOnlyStrings> = { en, es };
const merged = new Map<Lang, Strings>();

/** Every string, the shell's and the reader's. */
export function strings(lang: Lang): Strings {
  let all = merged.get(lang);
  if (!all) {
    all = { ...shellStrings(lang), ...READER[lang] };
    merged.set(lang, all);
  }
  return all;
}


/**
 * A partial date as a reader says it: `2023` → "2023"; `2023-01` → "January 2023" / "enero de
 * 2023"; `2023-01-05` → "January 5, 2023" / "5 de enero de 2023". Anything else is returned as given
 * (it is shown as text, never as markup).
 */
/**
 * One `Intl` formatter per language and kind, made on first use: building one costs far more than
 * formatting with it, and a table of thousands of rows formats thousands of values.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(key: string, make: () => T): T {
  let format = formatters.get(key) as T | undefined;
  if (!format) {
    format = make();
    formatters.set(key, format);
  }
  return format;
}

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
  return cached(`date:${lang}:${day ? 'day' : 'month'}`, () => new Intl.DateTimeFormat(lang, {
    year: 'numeric', month: 'long', ...(day ? { day: 'numeric' } : {}), timeZone: 'UTC',
  })).format(date);
}

/**
 * US dollars, whole: "US$6,000,000" (en) or "6.000.000 US$" (es). English Intl prints a bare "$",
 * which in Latin America means the local peso; the "US$" makes the currency unmistakable.
 */
export function formatUsd(value: number, lang: Lang): string {
  const format = cached(`usd:${lang}`, () => new Intl.NumberFormat(lang, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }));
  return format.formatToParts(value)
    .map((part) => (part.type === 'currency' && part.value === '$' ? 'US$' : part.value))
    .join('');
}

/** Dollars as a sentence says them: "US$6 million" / "6 millones de dólares"; below a million as {@link formatUsd}. */
export function formatUsdInText(value: number, lang: Lang): string {
  if (Math.abs(value) < 1_000_000) return formatUsd(value, lang);
  const amount = cached(`compact:${lang}`, () => new Intl.NumberFormat(lang, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 })).format(value);
  return lang === 'es' ? `${amount} de dólares` : `US$${amount}`;
}

/** A percentage given in percent (149 → "149%" / "149 %"), rounded to whole percent. */
export function formatPercent(percent: number, lang: Lang): string {
  return cached(`percent:${lang}`, () => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 })).format(percent / 100);
}

/** "A, B and C" / "A, B y C". */
export function formatList(items: readonly string[], lang: Lang): string {
  return cached(`list:${lang}`, () => new Intl.ListFormat(lang, { type: 'conjunction', style: 'long' })).format(items);
}
