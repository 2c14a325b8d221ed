/**
 * custom-elements.json (generated from the element's JSDoc by the analyzer) documents the whole API
 * of README.md: "Attributes", "Properties and methods", "Events" and "Styling" (parts, custom properties).
 */
import { expect } from 'chai';

const DOCUMENTED_API = {
  attributes: ['facilities', 'transfers', 'countries', 'lang', 'center', 'zoom', 'focus-on', 'selected', 'basemap', 'theme',
    'max-radius', 'label', 'loading', 'worker-url', 'no-animation', 'no-legend', 'no-export', 'max-flows', 'cluster', 'year', 'timeline', 'projection'],
  events: ['prison-map-ready', 'prison-map-select', 'prison-map-error'],
  parts: ['map', 'legend', 'tooltip', 'details', 'table', 'status'],
  cssProperties: ['--prison-map-height', '--prison-map-font'],
  members: ['facilitiesData', 'transfersData', 'countriesData', 'map', 'issues', 'whenReady', 'flyTo', 'toImage'],
};

interface Declaration {
  tagName?: string;
  attributes?: Array<{ name: string; fieldName?: string }>;
  events?: Array<{ name: string }>;
  cssParts?: Array<{ name: string }>;
  cssProperties?: Array<{ name: string }>;
  members?: Array<{ name: string; privacy?: string }>;
}

describe('custom-elements.json', () => {
  it('lists every attribute, event, part, CSS property and public member the README documents', async () => {
    const manifest = await (await fetch('/custom-elements.json')).json();
    const element = (manifest.modules as Array<{ declarations?: Declaration[] }>)
      .flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'prison-map')!;
    expect(element, 'the prison-map declaration').to.not.equal(undefined);
    expect(element.attributes!.map((a) => a.name)).to.have.members(DOCUMENTED_API.attributes);
    expect(element.attributes!.find((a) => a.name === 'max-radius')!.fieldName).to.equal('maxRadius');
    expect(element.events!.map((e) => e.name)).to.include.members(DOCUMENTED_API.events);
    expect(element.cssParts!.map((p) => p.name)).to.have.members(DOCUMENTED_API.parts);
    expect(element.cssProperties!.map((p) => p.name)).to.include.members(DOCUMENTED_API.cssProperties);
    const publicMembers = element.members!.filter((m) => m.privacy !== 'private').map((m) => m.name);
    expect(publicMembers).to.include.members(DOCUMENTED_API.members);
  });
});
