// Story steps (issue 14): paragraphs with data-prison-map-step drive the map as the reader
// scrolls — down applies, up restores — instantly under reduced motion, steps added later count,
// and the same steps reach an iframe embed by postMessage (by hand, or through prison-map-steps.js).
import { expect } from 'chai';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/index.js';
import type { PrisonMapElement } from '../src/index.js';
import { stateAfter, stepMessage } from '../src/story/steps.js';
import { cleanup, mapOf, mount, nextEvent } from './support/mount.js';
import { mapIdle, waitFor } from './support/wait.js';

afterEach(async () => {
  cleanup();
  window.scrollTo(0, 0);
  await emulateMedia({ reducedMotion: 'no-preference' });
});

/** A sticky map and four step paragraphs, each a viewport tall. */
function storyPage(): { el: PrisonMapElement; steps: HTMLElement[]; page: HTMLElement } {
  const page = mount<HTMLElement>(`<article style="position:relative">
    <prison-map id="story" loading="eager" no-animation style="position:sticky;top:0;width:600px;height:300px"></prison-map>
    <p data-prison-map-step="story" data-focus-on="SLV" style="height:100vh;margin:0">El Salvador</p>
    <p data-prison-map-step="story" data-selected="usa-cecot-2025" style="height:100vh;margin:0">The US transfer</p>
    <p data-prison-map-step="story" data-year="2024" data-focus-on="ECU" style="height:100vh;margin:0">Ecuador</p>
    <p data-prison-map-step="story" data-year="" data-focus-on="" style="height:100vh;margin:0">Everything</p>
    <div style="height:100vh"></div>
  </article>`);
  return { el: page.querySelector('prison-map') as PrisonMapElement, steps: [...page.querySelectorAll<HTMLElement>('[data-prison-map-step]')], page };
}

/** Scrolls so that a step's top is just above (or below) the middle of the viewport. */
function scrollToStep(step: HTMLElement, past = true): void {
  const top = step.getBoundingClientRect().top + window.scrollY;
  window.scrollTo(0, top - innerHeight / 2 + (past ? 20 : -20));
}

const attrs = (el: Element) => ['focus-on', 'selected', 'year'].map((name) => `${name}=${el.getAttribute(name) ?? '∅'}`).join(' ');

describe('story steps (story/steps.ts)', () => {
  it('accumulates steps in order, and says which keys go back to the markup', () => {
    const step = (attributes: Record<string, string>) => {
      const p = document.createElement('p');
      for (const [name, value] of Object.entries(attributes)) p.setAttribute(name, value);
      return p;
    };
    const a = step({ 'data-focus-on': 'SLV' });
    const b = step({ 'data-year': '2023', 'data-focus-on': '' });
    expect(stateAfter([a, b], 0)).to.deep.equal({ 'focus-on': null, year: null });
    expect(stateAfter([a, b], 1)).to.deep.equal({ 'focus-on': 'SLV', year: null });
    expect(stateAfter([a, b], 2)).to.deep.equal({ 'focus-on': '', year: '2023' });
    expect(stepMessage({ 'prison-map-step': { 'focus-on': 'SLV', onload: 'x', year: 2023, zoom: null } })).to.deep.equal({ 'focus-on': 'SLV', zoom: null });
    expect(stepMessage('prison-map-step')).to.equal(undefined);
  });
});

describe('<prison-map> story steps', function () {
  this.timeout(120000);

  it('applies each step going down and restores going up', async () => {
    const { el, steps } = storyPage();
    await nextEvent(el, 'prison-map-ready', 60000);
    const seen: string[] = [];
    const expectState = async (state: string) => {
      await waitFor(() => attrs(el) === state, { message: `expected ${state}, have ${attrs(el)}` });
      seen.push(state);
    };
    await expectState('focus-on=∅ selected=∅ year=∅');
    scrollToStep(steps[0]);
    await expectState('focus-on=SLV selected=∅ year=∅');
    scrollToStep(steps[1]);
    await expectState('focus-on=SLV selected=usa-cecot-2025 year=∅');
    scrollToStep(steps[2]);
    await expectState('focus-on=ECU selected=usa-cecot-2025 year=2024');
    scrollToStep(steps[3]);
    await expectState('focus-on=∅ selected=usa-cecot-2025 year=∅');
    // Back up: each previous state, then the map's own markup.
    scrollToStep(steps[3], false);
    await expectState('focus-on=ECU selected=usa-cecot-2025 year=2024');
    scrollToStep(steps[1], false);
    await expectState('focus-on=SLV selected=∅ year=∅');
    scrollToStep(steps[0], false);
    await expectState('focus-on=∅ selected=∅ year=∅');
    expect(seen).to.have.length(8);
  });

  it('gives a map added after its steps were passed the state of those steps', async () => {
    const { el, steps, page } = storyPage();
    await nextEvent(el, 'prison-map-ready', 60000);
    scrollToStep(steps[1]);
    await waitFor(() => el.getAttribute('selected') === 'usa-cecot-2025');
    el.remove();
    el.removeAttribute('selected');
    el.removeAttribute('focus-on');
    page.prepend(el);
    await waitFor(() => attrs(el) === 'focus-on=SLV selected=usa-cecot-2025 year=∅', { message: `re-added map: ${attrs(el)}` });
  });

  it('picks up steps added later, and forgets removed ones', async () => {
    const { el, steps, page } = storyPage();
    await nextEvent(el, 'prison-map-ready', 60000);
    const added = Object.assign(document.createElement('p'), { textContent: 'Honduras' });
    added.setAttribute('data-prison-map-step', 'story');
    added.setAttribute('data-focus-on', 'HND');
    added.style.height = '100vh';
    page.insertBefore(added, steps[3]);
    steps[0].remove();
    scrollToStep(added);
    await waitFor(() => el.getAttribute('focus-on') === 'HND', { message: `added step applied: ${attrs(el)}` });
    expect(el.getAttribute('selected')).to.equal('usa-cecot-2025');
  });

  it('moves the camera without animation frames under reduced motion, and with them otherwise', async () => {
    const { el, steps } = storyPage();
    el.removeAttribute('no-animation');
    await nextEvent(el, 'prison-map-ready', 60000);
    const map = mapOf(el);
    await mapIdle(map);
    let moves = 0;
    map.on('move', () => moves++);
    scrollToStep(steps[0]);
    await waitFor(() => el.getAttribute('focus-on') === 'SLV');
    await mapIdle(map);
    expect(moves, 'an animated flight').to.be.above(2);
    // data-center / data-zoom fly as well.
    steps[1].setAttribute('data-center', '-1.5,-78.5');
    steps[1].setAttribute('data-zoom', '5');
    moves = 0;
    scrollToStep(steps[1]);
    await waitFor(() => el.getAttribute('zoom') === '5');
    await mapIdle(map);
    expect(moves, 'a flight to data-center').to.be.above(2);
    expect(map.getZoom()).to.be.closeTo(5, 0.01);

    await emulateMedia({ reducedMotion: 'reduce' });
    await waitFor(() => matchMedia('(prefers-reduced-motion: reduce)').matches);
    moves = 0;
    scrollToStep(steps[2]);
    await waitFor(() => el.getAttribute('focus-on') === 'ECU');
    await mapIdle(map);
    expect(moves, 'one jump, no animation frames').to.be.at.most(1);
    const center = map.getCenter();
    expect(center.lng).to.be.within(-82, -75);
  });

  it('moves the map of an iframe embed by postMessage, and through prison-map-steps.js', async () => {
    const frame = mount<HTMLIFrameElement>('<iframe id="embedded" title="Map" src="/embed.html?loading=eager&no-animation" style="width:600px;height:400px;border:0"></iframe>');
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const inner = () => frame.contentDocument!.querySelector('prison-map') as PrisonMapElement;
    await waitFor(() => inner()?.map, { timeout: 60000, message: 'the embed made its map' });
    await inner().whenReady();
    frame.contentWindow!.postMessage({ 'prison-map-step': { 'focus-on': 'SLV', onclick: 'alert(1)' } }, '*');
    await waitFor(() => inner().getAttribute('focus-on') === 'SLV', { message: 'posted step applied in the iframe' });
    expect(inner().hasAttribute('onclick')).to.equal(false);
    await mapIdle(mapOf(inner()));
    expect(mapOf(inner()).getCenter().lng).to.be.within(-91, -87);

    // The host-page helper: steps whose id names the iframe are forwarded to it.
    await import('../src/story/steps-helper.js');
    const step = mount<HTMLElement>('<p data-prison-map-step="embedded" data-focus-on="ECU" data-year="2024" style="height:100vh;margin:0">Ecuador</p>');
    mount('<div style="height:100vh"></div>');
    scrollToStep(step);
    await waitFor(() => inner().getAttribute('focus-on') === 'ECU' && inner().getAttribute('year') === '2024', { message: 'helper forwarded the step' });
    scrollToStep(step, false);
    // Restored to what the embed had before the helper's step: the hand-posted SLV.
    await waitFor(() => inner().getAttribute('year') === null, { message: 'helper restored the year' });
  });
});
