/**
 * `year`: the state of things in a given year. A facility counts from the year it opened (or was
 * announced, for unbuilt sites); a transfer from its year, unless it was cancelled. Records with
 * no date are always shown: the data does not say they came later. Pure; the filtered data keeps
 * the same record objects, so caches keyed by record (arc geometry) carry over between years.
 */
import type { Facility, Transfer } from '../data/types.js';
import type { ModelData } from './model.js';

/** A `YYYY` year, or undefined for anything else (absent, empty, "2023-05", "soon"). */
export function parseYear(value: string | number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  return /^\d{4}$/.test(text) ? Number(text) : undefined;
}

/** The year part of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
function yearOf(date: string | undefined): number | undefined {
  const match = date ? /^(\d{4})/.exec(date) : null;
  return match ? Number(match[1]) : undefined;
}

export function facilityShownIn(facility: Facility, year: number): boolean {
  const opened = yearOf(facility.opened);
  return opened === undefined || opened <= year;
}

export function transferShownIn(transfer: Transfer, year: number): boolean {
  if (transfer.status === 'cancelled') return false;
  const when = yearOf(transfer.year);
  return when === undefined || when <= year;
}

/** The years the data names (facilities opening, transfers), ascending. */
export function yearsIn(data: Pick<ModelData, 'facilities' | 'transfers'>): number[] {
  const years = new Set<number>();
  for (const f of data.facilities) {
    const y = yearOf(f.opened);
    if (y !== undefined) years.add(y);
  }
  for (const t of data.transfers) {
    const y = yearOf(t.year);
    if (y !== undefined) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

const byYear = new WeakMap<ModelData, Map<number, ModelData>>();

/** The data as it stood in `year` (the same object for the same data and year). */
export function dataInYear(data: ModelData, year: number | undefined): ModelData {
  if (year === undefined) return data;
  let years = byYear.get(data);
  if (!years) byYear.set(data, (years = new Map()));
  let filtered = years.get(year);
  if (!filtered) {
    const facilities = data.facilities.filter((f) => facilityShownIn(f, year));
    const shownIds = new Set(facilities.map((f) => f.id));
    const hiddenIds = new Set(data.facilities.filter((f) => !shownIds.has(f.id)).map((f) => f.id));
    // A transfer to a facility that did not exist yet is not shown either (its end has no place).
    const transfers = data.transfers.filter((t) => transferShownIn(t, year) && !hiddenIds.has(t.from) && !hiddenIds.has(t.to));
    filtered = { ...data, facilities, transfers, year };
    years.set(year, filtered);
  }
  return filtered;
}
