// The configurator's embed code (demo.ts shows it; test/layout-shift.test.ts loads it in a page):
// the script and tag, and the iframe with its resize listener.
import { elementMarkup, embedQuery, escapeAttribute, type EmbedConfig } from '../src/embed/embed-params.js';

export interface EmbedCodeOptions {
  /** Absolute URLs of the built files: `prison-map.js`, `embed.html`, `prison-map-steps.js`. */
  script: string;
  embedPage: string;
  stepsScript: string;
  /** The iframe's title, in the page's language. */
  iframeTitle: string;
  /** With story steps: an example paragraph that moves the map to `target`. */
  step?: { target: string; text: string };
}

/** The map's height unless the configuration sets one (the element's `--prison-map-height` default). */
export const DEFAULT_HEIGHT = 480;

/**
 * Until the element's script has run, `<prison-map>` is an empty inline box: this keeps its
 * height, so the text under it does not jump when the map arrives (nor when JavaScript is off).
 */
export const RESERVE_HEIGHT = `<style>prison-map:not(:defined) { display: block; height: var(--prison-map-height, ${DEFAULT_HEIGHT}px) }</style>`;

export function scriptEmbedCode(config: EmbedConfig, options: EmbedCodeOptions): string {
  const element = elementMarkup(config);
  const body = options.step ? element.replace('<prison-map', '<prison-map id="story-map"') + stepParagraph('story-map', options.step) : element;
  return `<script type="module" src="${options.script}"></script>\n${RESERVE_HEIGHT}\n${body}`;
}

export function iframeEmbedCode(config: EmbedConfig, options: EmbedCodeOptions): string {
  const src = `${options.embedPage}?${embedQuery({ ...config, id: 'prison-map-1' })}`;
  return `<iframe id="prison-map-1" title="${escapeAttribute(options.iframeTitle)}" src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" ` +
    `style="width: 100%; height: ${config.height ?? DEFAULT_HEIGHT}px; border: 0" loading="lazy"></iframe>\n` +
    '<script>addEventListener("message", (e) => { const h = e.data && e.data["prison-map-height"]; ' +
    'for (const f of document.querySelectorAll("iframe")) if (h > 0 && f.contentWindow === e.source) f.style.height = h + "px"; });</script>' +
    (options.step ? `${stepParagraph('prison-map-1', options.step)}\n<script type="module" src="${options.stepsScript}"></script>` : '');
}

function stepParagraph(id: string, step: NonNullable<EmbedCodeOptions['step']>): string {
  return `\n<p data-prison-map-step="${id}" data-focus-on="${escapeAttribute(step.target)}">${step.text}</p>`;
}
