/**
 * `embed.html`: one full-width `<prison-map>` configured from the query string, for sites that can
 * only embed an iframe. It tells the parent page its height on load and whenever it changes.
 */
import { embedConfigFromQuery, heightMessages } from './embed-params.js';
import { applyState, stepMessage, type StepKey, type StepState } from '../story/steps.js';

const config = embedConfigFromQuery(location.search);
const element = document.createElement('prison-map');
for (const [name, value] of config.attributes) element.setAttribute(name, value);
if (config.height !== undefined) element.style.setProperty('--prison-map-height', `${config.height}px`);
const lang = config.attributes.find(([name]) => name === 'lang')?.[1];
if (lang === 'en' || lang === 'es') document.documentElement.lang = lang;
document.body.append(element);

let posted = -1;
function postHeight(): void {
  if (window.parent === window) return;
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  if (height === posted) return;
  posted = height;
  // Only a height is sent, so any parent may read it.
  for (const message of heightMessages(height, config.id)) window.parent.postMessage(message, '*');
}

new ResizeObserver(postHeight).observe(document.body);
addEventListener('load', postHeight);

// Story steps from the host page (by hand, or forwarded by prison-map-steps.js): only the step
// attributes, only string values; null restores what the query string set.
const ownValues = new Map<StepKey, string | null>();
let applied: StepState = {};
addEventListener('message', (event) => {
  const state = stepMessage(event.data);
  if (!state) return;
  applyState(element, state, applied, ownValues);
  applied = { ...applied, ...state };
});
