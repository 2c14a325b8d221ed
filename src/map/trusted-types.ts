/**
 * MapLibre 6 starts its worker with `new Worker(url)` from a plain string, which a page that
 * enforces Trusted Types (`require-trusted-types-for 'script'`) blocks. When the page has no
 * default policy, this installs one that lets through the MapLibre worker URL the element uses
 * and nothing else; a page that has its own default policy keeps it untouched.
 */

/** The part of `window.trustedTypes` used here (so tests can pass their own). */
export interface TrustedTypesFactory {
  readonly defaultPolicy: unknown;
  createPolicy(name: string, rules: { createScriptURL?: (input: string) => string | null }): unknown;
}

/** Worker URLs (resolved) the installed policy passes, per factory. */
const allowedByFactory = new WeakMap<TrustedTypesFactory, Set<string>>();

function resolved(url: string): string | undefined {
  try {
    return new URL(url, globalThis.document?.baseURI ?? globalThis.location?.href).href;
  } catch {
    return undefined;
  }
}

/**
 * Makes sure the browser will let MapLibre start a worker from `workerUrl` under Trusted Types.
 * Does nothing where Trusted Types are not supported, when the page already has a default policy,
 * or when the page's CSP does not allow a policy named `default` (the map then reports the
 * worker failure as a `prison-map-error` with source `worker`).
 */
export function ensureWorkerUrlPolicy(
  workerUrl: string,
  factory: TrustedTypesFactory | undefined = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes,
): void {
  if (!factory || typeof factory.createPolicy !== 'function') return;
  const url = resolved(workerUrl);
  if (!url) return;
  const allowed = allowedByFactory.get(factory);
  if (allowed) {
    allowed.add(url);
    return;
  }
  if (factory.defaultPolicy) return;
  const urls = new Set([url]);
  try {
    factory.createPolicy('default', {
      // null, not an exception: the browser then blocks and reports the value as it would with no
      // policy at all, and a page in report-only mode keeps working.
      createScriptURL: (input: string) => {
        const candidate = resolved(String(input));
        return candidate !== undefined && urls.has(candidate) ? input : null;
      },
    });
    allowedByFactory.set(factory, urls);
  } catch {
    // The page's `trusted-types` directive does not list `default`, or a policy appeared meanwhile.
  }
}
