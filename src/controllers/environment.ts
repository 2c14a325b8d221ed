/**
 * What the element learns from its surroundings: the system's colour scheme, the page's language
 * (the closest ancestor's `lang`), reduced motion, whether it is on screen and the tab visible.
 * The host re-renders when any of them changes. Every instance on a page shares one
 * MutationObserver for `lang`, rather than each putting its own on `<html>`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FACILITY_STATUSES, type FacilityStatus } from '../data/types.js';

type Host = ReactiveControllerHost & HTMLElement;

const langListeners = new Set<() => void>();
let langObserver: MutationObserver | undefined;

function watchLang(listener: () => void): () => void {
  langListeners.add(listener);
  if (!langObserver) {
    langObserver = new MutationObserver(() => { for (const notify of langListeners) notify(); });
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    langListeners.delete(listener);
    if (langListeners.size === 0) {
      langObserver?.disconnect();
      langObserver = undefined;
    }
  };
}

/** The closest ancestor's `lang`, crossing shadow roots; undefined when none has one. */
function inheritedLang(element: Element): string | undefined {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') ?? undefined;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}

export class EnvironmentController implements ReactiveController {
  systemDark = false;
  inheritedLang?: string;
  reducedMotion = false;
  private onScreen = false;
  private darkQuery?: MediaQueryList;
  private motionQuery?: MediaQueryList;
  private visibility?: IntersectionObserver;
  private unwatchLang?: () => void;

  /** `onMotionChange` hears about every change that may start or stop the animation. */
  constructor(private readonly host: Host, private readonly onMotionChange: () => void) {
    host.addController(this);
  }

  /** True while transfers may move: on screen, tab visible, no reduced-motion preference. */
  get allowsMotion(): boolean {
    return this.onScreen && document.visibilityState === 'visible' && !this.reducedMotion;
  }

  hostConnected(): void {
    this.darkQuery = matchMedia('(prefers-color-scheme: dark)');
    this.motionQuery = matchMedia('(prefers-reduced-motion: reduce)');
    this.systemDark = this.darkQuery.matches;
    this.reducedMotion = this.motionQuery.matches;
    this.darkQuery.addEventListener('change', this.onDarkChange);
    this.motionQuery.addEventListener('change', this.onReducedMotionChange);
    document.addEventListener('visibilitychange', this.onMotionChange);
    this.visibility = new IntersectionObserver((entries) => {
      this.onScreen = entries[entries.length - 1].isIntersecting;
      this.onMotionChange();
    });
    this.visibility.observe(this.host);
    this.inheritedLang = inheritedLang(this.host);
    this.unwatchLang = watchLang(this.onLangChange);
  }

  hostDisconnected(): void {
    this.darkQuery?.removeEventListener('change', this.onDarkChange);
    this.motionQuery?.removeEventListener('change', this.onReducedMotionChange);
    document.removeEventListener('visibilitychange', this.onMotionChange);
    this.visibility?.disconnect();
    this.onScreen = false;
    this.unwatchLang?.();
  }

  private onDarkChange = (event: MediaQueryListEvent) => {
    this.systemDark = event.matches;
    this.host.requestUpdate();
  };

  private onReducedMotionChange = (event: MediaQueryListEvent) => {
    this.reducedMotion = event.matches;
    this.host.requestUpdate();
    this.onMotionChange();
  };

  private onLangChange = () => {
    const lang = inheritedLang(this.host);
    if (lang === this.inheritedLang) return;
    this.inheritedLang = lang;
    this.host.requestUpdate();
  };
}

/** Status colours the page set with `--prison-map-status-<status>` on or above the element. */
export function statusColorsOf(element: Element): Partial<Record<FacilityStatus, string>> {
  const style = getComputedStyle(element);
  const colors: Partial<Record<FacilityStatus, string>> = {};
  for (const status of FACILITY_STATUSES) {
    const value = style.getPropertyValue(`--prison-map-status-${status}`).trim();
    if (value) colors[status] = value;
  }
  return colors;
}
