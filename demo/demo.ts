// The demo page: a language switch for the article and the map, focus buttons that drive the map
// from the page, and the embed code for what is shown.
const map = document.querySelector('prison-map')!;

const TEXT: Record<'en' | 'es', Record<string, string>> = {
  en: {},
  es: {
    kicker: 'Demo · <prison-map>',
    title: 'La megacárcel de El Salvador tiene admiradores… y clientes',
    dek: 'El CECOT, construido para 40.000 presos, se ha convertido en un modelo que otros gobiernos visitan, copian o pagan por usar.',
    caption: 'El área de cada círculo indica la capacidad de la cárcel; las flechas, los traslados de presos y de asesoría penitenciaria entre países. Fuentes: ABC (24 de junio de 2025) y un análisis de noviembre de 2025 sobre la petición de Bolivia a El Salvador.',
    p1: 'Desde su apertura en enero de 2023, el Centro de Confinamiento del Terrorismo recibe delegaciones extranjeras sin cesar. Estados Unidos paga por recluir allí a 260 personas; Ecuador y Perú dicen estudiar la misma idea.',
    p2: 'Otros quieren su propia versión. Ecuador empezó en 2024 dos cárceles de máxima seguridad —una en la costa y otra en la Amazonía— de unas 800 plazas cada una. Honduras anunció una prisión de 2.000 plazas en las remotas Islas del Cisne, hoy paralizada. Bolivia, con cárceles a más de dos veces y media su capacidad, ha pedido consejo a El Salvador.',
    focusLabel: 'Mostrar:',
    all: 'Todo',
    embedTitle: 'Inserte este mapa en su artículo',
    embedText: 'Un script y una etiqueta. Apunte los atributos a su propia hoja de cálculo o GeoJSON para mapear otras cárceles.',
  },
};

const originals = new Map<Element, string>();
for (const node of document.querySelectorAll('[data-i18n]')) originals.set(node, node.textContent ?? '');

function setLang(lang: 'en' | 'es'): void {
  document.documentElement.lang = lang;
  for (const [node, english] of originals) {
    node.textContent = lang === 'en' ? english : TEXT.es[node.getAttribute('data-i18n')!] ?? english;
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
  writeEmbedCode();
}

function writeEmbedCode(): void {
  const attributes = ['lang', 'focus-on', 'theme']
    .filter((name) => map.hasAttribute(name) || (name === 'lang'))
    .map((name) => name === 'lang' ? ` lang="${document.documentElement.lang}"` : ` ${name}="${map.getAttribute(name)}"`)
    .join('');
  const script = new URL('dist/prison-map.js', location.href).href;
  document.getElementById('embed-code')!.textContent =
    `<script type="module" src="${script}"></script>\n<prison-map${attributes}></prison-map>`;
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
  button.addEventListener('click', () => setLang(button.dataset.lang as 'en' | 'es'));
}
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-focus]')) {
  button.addEventListener('click', () => {
    const target = button.dataset.focus!;
    if (target) map.setAttribute('focus-on', target);
    else map.removeAttribute('focus-on');
    writeEmbedCode();
  });
}
writeEmbedCode();
