/**
 * Whether transfers may move right now: only while the element is on screen, the tab is visible
 * and the reader has not asked for reduced motion. Anything that stops motion must stop frames,
 * so this watches all three and reports each change.
 */
export class MotionPolicy {
  private onScreen = false;
  private observer?: IntersectionObserver;
  private reducedQuery?: MediaQueryList;

  constructor(private readonly target: Element, private readonly onChange: () => void) {}

  connect(): void {
    this.reducedQuery = matchMedia('(prefers-reduced-motion: reduce)');
    this.reducedQuery.addEventListener('change', this.onChange);
    document.addEventListener('visibilitychange', this.onChange);
    this.observer = new IntersectionObserver((entries) => {
      this.onScreen = entries[entries.length - 1].isIntersecting;
      this.onChange();
    });
    this.observer.observe(this.target);
  }

  disconnect(): void {
    this.reducedQuery?.removeEventListener('change', this.onChange);
    document.removeEventListener('visibilitychange', this.onChange);
    this.observer?.disconnect();
    this.onScreen = false;
  }

  get reducedMotion(): boolean {
    return this.reducedQuery?.matches ?? matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  get allowsMotion(): boolean {
    return this.onScreen && document.visibilityState === 'visible' && !this.reducedMotion;
  }
}
