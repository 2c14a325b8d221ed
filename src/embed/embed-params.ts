/**
 * The iframe page (`embed.html`) is configured by its query string with the element's own
 * attribute names, and the demo's configurator writes that query string: both go through here.
 * Values are only ever set as attributes, never parsed as HTML.
 */

/** Attributes of `<prison-map>` that an embed may set, in the order embed code lists them. */
export const EMBED_ATTRIBUTES = [
  'facilities', 'transfers', 'countries', 'lang', 'center', 'zoom', 'focus-on', 'selected', 'basemap',
  'theme', 'max-radius', 'label', 'loading', 'worker-url', 'no-animation', 'no-legend', 'no-export', 'max-flows',
  'cluster', 'year', 'timeline', 'projection',
] as const;
export type EmbedAttribute = (typeof EMBED_ATTRIBUTES)[number];

const BOOLEAN_ATTRIBUTES: ReadonlySet<string> = new Set(['no-animation', 'no-legend', 'no-export', 'timeline']);
const NAMES: ReadonlySet<string> = new Set(EMBED_ATTRIBUTES);

/** Heights the iframe page accepts for `?height=` (CSS px); anything else keeps the element's default. */
export const MIN_EMBED_HEIGHT = 120;
export const MAX_EMBED_HEIGHT = 4000;

export interface EmbedConfig {
  /** Attribute name → value ('' for a boolean that is on), only known attributes. */
  attributes: Array<[EmbedAttribute, string]>;
  /** `--prison-map-height` in CSS px, if `?height=` is a number in range. */
  height?: number;
  /** The chart id for Datawrapper-style height messages (`?id=`), letters, digits, `-` and `_` only. */
  id?: string;
}

/**
 * Reads `?facilities=…&lang=es&no-legend&height=500&id=abc`. A boolean is on when present, unless
 * its value is `false` or `0`; unknown names are ignored.
 */
export function embedConfigFromQuery(search: string | URLSearchParams): EmbedConfig {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const attributes: Array<[EmbedAttribute, string]> = [];
  for (const name of EMBED_ATTRIBUTES) {
    const value = params.get(name);
    if (value === null) continue;
    if (BOOLEAN_ATTRIBUTES.has(name)) {
      if (!/^(false|0)$/i.test(value.trim())) attributes.push([name, '']);
    } else {
      attributes.push([name, value]);
    }
  }
  const config: EmbedConfig = { attributes };
  const height = Number(params.get('height') ?? NaN);
  if (Number.isFinite(height) && height >= MIN_EMBED_HEIGHT && height <= MAX_EMBED_HEIGHT) config.height = Math.round(height);
  const id = params.get('id');
  if (id && /^[\w-]{1,64}$/.test(id)) config.id = id;
  return config;
}

/** The query string (without `?`) for `embed.html` that reproduces a configuration. */
export function embedQuery(config: EmbedConfig): string {
  const params = new URLSearchParams();
  for (const [name, value] of config.attributes) {
    if (!NAMES.has(name)) continue;
    params.append(name, BOOLEAN_ATTRIBUTES.has(name) ? '' : value);
  }
  if (config.height !== undefined) params.append('height', String(config.height));
  if (config.id !== undefined) params.append('id', config.id);
  // `no-legend=` reads back the same as `no-legend`; the bare form is what people write by hand.
  return params.toString().replace(/(^|&)(no-animation|no-legend|no-export)=(?=&|$)/g, '$1$2');
}

/** `<prison-map …>` markup for a configuration, with attribute values escaped. */
export function elementMarkup(config: EmbedConfig): string {
  const attributes = config.attributes
    .filter(([name]) => NAMES.has(name))
    .map(([name, value]) => (BOOLEAN_ATTRIBUTES.has(name) ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  const style = config.height !== undefined ? ` style="--prison-map-height: ${config.height}px"` : '';
  return `<prison-map${attributes}${style}></prison-map>`;
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * What the iframe page posts to its parent when its height changes: its own message, and
 * Datawrapper's (`{"datawrapper-height": {"<chart id>": px}}`), which many CMSs already listen for
 * (https://developer.datawrapper.de/docs/responsive-iframe).
 */
export function heightMessages(height: number, id = 'prison-map'): Array<Record<string, unknown>> {
  const px = Math.ceil(height);
  return [{ 'prison-map-height': px }, { 'datawrapper-height': { [id]: px } }];
}
