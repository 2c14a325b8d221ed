/** How far outside the viewport a lazy element wakes and its map starts loading, as on `<img loading="lazy">`. */
export const LAZY_MARGIN_PX = 300;
export const LAZY_ROOT_MARGIN = `${LAZY_MARGIN_PX}px`;

/** CSS px from the element's box to the viewport (0 when they overlap). */
export function distanceToViewport(element: Element): number {
  const rect = element.getBoundingClientRect();
  const height = window.innerHeight || document.documentElement.clientHeight;
  const width = window.innerWidth || document.documentElement.clientWidth;
  const dy = rect.bottom < 0 ? -rect.bottom : rect.top > height ? rect.top - height : 0;
  const dx = rect.right < 0 ? -rect.right : rect.left > width ? rect.left - width : 0;
  return Math.hypot(dx, dy);
}
