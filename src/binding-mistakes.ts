/**
 * Framework bindings that hand the element an object as an attribute: Vue's `:facilities-data`
 * and Svelte's `facilities-data={…}` write the attribute `facilities-data="[object Object]"`;
 * React, when the element is defined after its first render, writes `facilitiesdata`. Left alone,
 * the element would see no data and show the bundled dataset in place of the reader's. Each
 * mistake names the property to bind instead; the element reports it and shows that dataset empty.
 */
import type { DatasetName } from './data/types.js';

export type BindingMistakes = Partial<Record<DatasetName, string>>;

const DATASETS: readonly DatasetName[] = ['facilities', 'transfers', 'countries'];

/** Attributes that only a wrong binding writes (HTML lowercases React's `facilitiesData`). */
export const MISBOUND_ATTRIBUTES: readonly string[] = DATASETS.flatMap((name) => [`${name}-data`, `${name}data`]);

/** What `String(value)` gives for an object (`[object Object]`) or an array of objects (`[object Object],[object Object]`). */
const OBJECT_STRING = /^\[object [A-Za-z]+\](,\[object [A-Za-z]+\])*$/;

type DataProperties = { [K in DatasetName as `${K}Data`]?: unknown };

/** The mistakes on `element`, by dataset; a dataset whose data property is set has none (the property wins). */
export function bindingMistakes(element: Element & DataProperties): BindingMistakes {
  const found: BindingMistakes = {};
  for (const dataset of DATASETS) {
    const property = `${dataset}Data` as const;
    if (element[property] !== undefined) continue;
    const url = element.getAttribute(dataset);
    const attribute = url !== null && OBJECT_STRING.test(url.trim())
      ? dataset
      : [`${dataset}-data`, `${dataset}data`].find((name) => element.hasAttribute(name));
    if (attribute === undefined) continue;
    found[dataset] = `"${attribute}" is an attribute holding "${element.getAttribute(attribute)}"; bind the ${property} property instead`;
  }
  return found;
}

/**
 * Checks an element on every data update: reports each new mistake once on the console, and
 * returns the same object while nothing changes (the data loader compares requests by identity).
 */
export class BindingGuard {
  private key = '{}';
  private last: BindingMistakes | undefined;

  check(element: Element & DataProperties): BindingMistakes | undefined {
    const found = bindingMistakes(element);
    const key = JSON.stringify(found);
    if (key === this.key) return this.last;
    const before = this.last ?? {};
    for (const [dataset, message] of Object.entries(found) as Array<[DatasetName, string]>) {
      if (before[dataset] !== message) console.error(`<prison-map>: ${message}`);
    }
    this.key = key;
    this.last = key === '{}' ? undefined : found;
    return this.last;
  }
}
