/** The credit line of every exported picture (PNG, SVG, `prison-map render`): who published the data. Pure. */
import { strings, type Lang } from '../i18n/strings.js';
import type { ModelData } from '../model/model.js';

/** Who published the data: publishers (else web hosts) of every source, most cited first. */
export function sourceNames(data: Pick<ModelData, 'facilities' | 'transfers' | 'countries'>): string[] {
  const counts = new Map<string, number>();
  for (const record of [...data.facilities, ...data.transfers, ...data.countries]) {
    for (const source of record.sources) {
      const name = source.publisher?.trim() || hostOf(source.url);
      if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** "Sources: …. Basemap: Natural Earth. Map: prison-map." in the reader's language. */
export function creditText(data: Pick<ModelData, 'facilities' | 'transfers' | 'countries'>, lang: Lang): string {
  const sources = sourceNames(data);
  return strings(lang).imageCredit(sources.length ? sources.join(', ') : '—');
}
