// The README's embed codes as a newsroom copies them, for the pages that measure them (the
// layout-shift test in the browser, the article bench in Node): read from README.md each time,
// so what is measured is what the README says.

/** Where the README's snippets say the built files are. */
export const README_CDN = 'https://your-cdn.example/prison-map/dist/';

/** The fenced ```html blocks of a README section, from its heading to the next `##` or `###` heading. */
export function htmlBlocks(readme, heading) {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README.md has no "${heading}" section`);
  const rest = readme.slice(start + heading.length + 2);
  const end = rest.search(/\n#{2,3} /);
  return [...(end < 0 ? rest : rest.slice(0, end)).matchAll(/```html\n([\s\S]*?)```/g)].map((match) => match[1]);
}

/**
 * The README's script embed (the first block under "## Embed") and iframe embed (the iframe and
 * its resize listener, under "### As an iframe"), each built file's CDN URL replaced by
 * `url(file)` (`file` as `prison-map.js`, `embed.html`).
 */
export function readmeEmbeds(readme, url) {
  const [script] = htmlBlocks(readme, '## Embed');
  const [iframe, listener] = htmlBlocks(readme, '### As an iframe');
  const local = (snippet) => {
    if (!snippet?.includes(README_CDN)) throw new Error(`a README embed no longer loads from ${README_CDN}: ${snippet}`);
    return snippet.replaceAll(new RegExp(`${README_CDN.replace(/[.]/g, '\\.')}([\\w.-]+)`, 'g'), (_, file) => url(file));
  };
  return { script: local(script), iframe: `${local(iframe)}${listener ?? ''}` };
}
