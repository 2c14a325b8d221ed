// The demo page: a language switch for the article and the maps (the story's steps drive its map
// with no script of ours: data-prison-map-step), and a configurator that updates a live map and
// writes its embed code.
import facilitiesText from '../data/facilities.geojson?raw';
import transfersData from '../data/transfers.json';
import countriesData from '../data/countries.json';
import { countryName } from '../src/i18n/countries.js';
import type { EmbedAttribute, EmbedConfig } from '../src/embed/embed-params.js';
import { iframeEmbedCode, scriptEmbedCode, type EmbedCodeOptions } from './embed-code.js';

type Lang = 'en' | 'es';
const previewMap = document.querySelector<HTMLElement>('#preview-map')!;
const form = document.querySelector<HTMLFormElement>('#configurator')!;

const TEXT: Record<Lang, Record<string, string>> = {
  en: {},
  es: {
    kicker: 'Demo · <prison-map>',
    title: 'La megacárcel de El Salvador tiene admiradores… y clientes',
    dek: 'El CECOT, construido para 40.000 presos, se ha convertido en un modelo que otros gobiernos visitan, copian o pagan por usar.',
    caption: 'El área de cada círculo indica la capacidad de la cárcel; las flechas, los traslados de presos y de asesoría penitenciaria entre países. Fuentes: ABC (24 de junio de 2025) y un análisis de noviembre de 2025 sobre la petición de Bolivia a El Salvador.',
    s1: 'Todo empieza en Tecoluca, El Salvador. El Centro de Confinamiento del Terrorismo abrió en enero de 2023 con sitio para 40.000 presos, la mayor cárcel de América, y desde entonces lo recorren delegaciones extranjeras.',
    s2: 'En 2025 Estados Unidos empezó a pagar a El Salvador por encarcelar a personas que deportó: 260 fueron enviadas al CECOT con ese acuerdo.',
    s3: 'Ecuador eligió otro camino: en 2024 empezó dos cárceles propias de máxima seguridad, una en la costa del Pacífico y otra en la Amazonía, de unas 800 plazas cada una.',
    s4: 'Honduras anunció una cárcel de 2.000 plazas en las remotas Islas del Cisne, en el Caribe. El proyecto está paralizado.',
    s5: 'Bolivia, cuyas cárceles albergan más de dos veces y media la gente para la que se construyeron, ha pedido consejo a El Salvador.',
    s6: 'En conjunto, una cárcel se ha vuelto un modelo que los vecinos visitan, copian o pagan por usar.',
    timelineTitle: 'Año a año',
    timelineText: 'Mueva el control, o pulse reproducir, para ver qué existía cada año entre 2023 y 2025.',
    embedTitle: 'Inserte este mapa en su artículo',
    embedText: 'Un script y una etiqueta. Apunte los atributos a su propia hoja de cálculo o GeoJSON para mapear otras cárceles.',
    dataLegend: 'Datos (vacío: los datos incluidos)',
    facilitiesLabel: 'Cárceles (URL de GeoJSON o CSV)',
    transfersLabel: 'Traslados (URL de JSON o CSV)',
    countriesLabel: 'Países (URL de JSON o CSV)',
    langLabel: 'Idioma',
    langPage: 'El de la página',
    focusOnLabel: 'Centrar en',
    focusNone: 'Todo',
    themeLabel: 'Tema',
    themeAuto: 'El del lector',
    themeLight: 'Claro',
    themeDark: 'Oscuro',
    heightLabel: 'Altura (px)',
    projectionLabel: 'Mapa',
    projectionFlat: 'Plano',
    projectionGlobe: 'Globo',
    animationLabel: 'Animación',
    legendLabel: 'Leyenda',
    exportLabel: 'Botón «Descargar imagen»',
    stepsLabel: 'Pasos del relato (scrollytelling)',
    stepText: 'Su párrafo: al pasar por él, el mapa se centra aquí.',
    deviceLabel: 'Vista previa en',
    deviceArticle: 'El ancho de esta página',
    devicePhone: 'Un teléfono (375 px)',
    previewCaption: 'Vista previa: los cambios se aplican a este mapa al instante.',
    scriptCodeTitle: 'Script y etiqueta',
    iframeCodeTitle: 'O un iframe (para un CMS que elimina los scripts)',
    copy: 'Copiar',
    facilitiesGroup: 'Cárceles',
    countriesGroup: 'Países',
    iframeTitle: 'Mapa de cárceles y traslados de presos',
    copied: 'Copiado.',
    selected: 'Seleccionado: pulse Ctrl+C (⌘C) para copiar.',
  },
};
const ENGLISH: Record<string, string> = { stepText: 'Your paragraph: as the reader scrolls past it, the map moves here.', iframeTitle: 'Map of prison facilities and transfers', facilitiesGroup: 'Facilities', countriesGroup: 'Countries', copied: 'Copied.', selected: 'Selected: press Ctrl+C (⌘C) to copy.' };
const originals = new Map<Element, string>();
for (const node of document.querySelectorAll('[data-i18n]')) originals.set(node, node.textContent ?? '');

function pageLang(): Lang {
  return document.documentElement.lang === 'es' ? 'es' : 'en';
}
function say(key: string): string {
  return (pageLang() === 'es' ? TEXT.es[key] : undefined) ?? ENGLISH[key] ?? key;
}

function setLang(lang: Lang): void {
  document.documentElement.lang = lang;
  for (const [node, english] of originals) {
    node.textContent = lang === 'en' ? english : TEXT.es[node.getAttribute('data-i18n')!] ?? english;
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
  fillFocusOptions();
  configure();
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
  button.addEventListener('click', () => setLang(button.dataset.lang as Lang));
}
// --- The configurator -------------------------------------------------------------------------

interface FacilityFeature { id?: string; properties: { id?: string; name: string; 'name:es'?: string; country: string } }
const facilities = (JSON.parse(facilitiesText) as { features: FacilityFeature[] }).features;
const transfers = (Array.isArray(transfersData) ? transfersData : (transfersData as { transfers: unknown[] }).transfers) as Array<{ from: string; to: string }>;
const ISO3 = /^[A-Z]{3}$/;
const countryCodes = [...new Set([
  ...facilities.map((f) => f.properties.country),
  ...transfers.flatMap((t) => [t.from, t.to]).filter((code) => ISO3.test(code)),
  ...(countriesData as Array<{ iso3: string }>).map((c) => c.iso3),
])];

function fillFocusOptions(): void {
  const select = form.elements.namedItem('focus-on') as HTMLSelectElement;
  const chosen = select.value;
  const lang = pageLang();
  const group = (label: string, options: Array<[string, string]>) => {
    const element = document.createElement('optgroup');
    element.label = label;
    for (const [value, text] of options.sort((a, b) => a[1].localeCompare(b[1], lang))) element.append(new Option(text, value));
    return element;
  };
  select.replaceChildren(select.options[0], group(say('facilitiesGroup'), facilities.map((f) => {
    const id = f.properties.id ?? String(f.id);
    return [id, (lang === 'es' ? f.properties['name:es'] : undefined) ?? f.properties.name];
  })), group(say('countriesGroup'), countryCodes.map((code) => [code, `${countryName(code, lang)} (${code})`])));
  select.value = chosen;
}

/** The configuration the form describes: only what differs from the element's defaults. */
function formConfig(): EmbedConfig {
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value.trim();
  const checked = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).checked;
  const attributes: Array<[EmbedAttribute, string]> = [];
  for (const name of ['facilities', 'transfers', 'countries', 'lang', 'focus-on', 'theme', 'projection'] as const) {
    if (value(name)) attributes.push([name, value(name)]);
  }
  if (!checked('animation')) attributes.push(['no-animation', '']);
  if (!checked('legend')) attributes.push(['no-legend', '']);
  if (!checked('export')) attributes.push(['no-export', '']);
  const height = Number(value('height'));
  return { attributes, height: Number.isFinite(height) && height >= 200 && height <= 1200 ? Math.round(height) : undefined };
}

const MANAGED: readonly EmbedAttribute[] = ['facilities', 'transfers', 'countries', 'lang', 'focus-on', 'theme', 'projection', 'no-animation', 'no-legend', 'no-export'];

function configure(): void {
  const config = formConfig();
  const wanted = new Map(config.attributes);
  // Update the live map in place: only attributes that changed, so the map is never recreated.
  for (const name of MANAGED) {
    const value = wanted.get(name);
    if (value === undefined) previewMap.removeAttribute(name);
    else if (previewMap.getAttribute(name) !== value) previewMap.setAttribute(name, value);
  }
  if (config.height !== undefined) previewMap.style.setProperty('--prison-map-height', `${config.height}px`);
  // Most readers are on a phone: the same map at a phone's width (the element lays itself out by
  // its own width, so this is what a phone shows). Not part of the embed code.
  previewMap.closest('.preview')!.classList.toggle('phone', (form.elements.namedItem('device') as HTMLSelectElement).value === 'phone');

  // Data URLs are made absolute for use elsewhere.
  const absolute: EmbedConfig = {
    ...config,
    attributes: config.attributes.map(([name, value]) => [name, ['facilities', 'transfers', 'countries'].includes(name) ? new URL(value, location.href).href : value]),
  };
  // Embed code points at this page's own build (in development, the built dist/).
  const built = (file: string) => new URL(import.meta.env.DEV ? `dist/${file}` : file, location.href).href;
  // With story steps: the map gets an id, and an example paragraph drives it (focus-on as chosen, else El Salvador).
  const steps = (form.elements.namedItem('steps') as HTMLInputElement).checked;
  const options: EmbedCodeOptions = {
    script: built('prison-map.js'), embedPage: built('embed.html'), stepsScript: built('prison-map-steps.js'), iframeTitle: say('iframeTitle'),
    step: steps ? { target: wanted.get('focus-on') || 'SLV', text: say('stepText') } : undefined,
  };
  document.getElementById('embed-code')!.textContent = scriptEmbedCode(absolute, options);
  document.getElementById('iframe-code')!.textContent = iframeEmbedCode(absolute, options);
}

form.addEventListener('input', configure);
form.addEventListener('change', configure);

async function copy(button: HTMLButtonElement): Promise<void> {
  const code = document.getElementById(button.dataset.copy!)!;
  const status = document.querySelector('.copy-status')!;
  try {
    await navigator.clipboard.writeText(code.textContent ?? '');
    status.textContent = say('copied');
  } catch {
    // No clipboard (an insecure origin, or permission refused): select the code for Ctrl+C.
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    status.textContent = say('selected');
  }
}
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy]')) button.addEventListener('click', () => void copy(button));

fillFocusOptions();
configure();
