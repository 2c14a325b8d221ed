import { expect } from 'chai';
import { ensureWorkerUrlPolicy, type TrustedTypesFactory } from '../src/map/trusted-types.js';

type Rules = { createScriptURL?: (input: string) => string | null };

/** A `trustedTypes` stand-in that records the policies created, as the browser's own would hold them. */
function fakeFactory(defaultPolicy: unknown = null): TrustedTypesFactory & { created: Array<{ name: string; rules: Rules }> } {
  const created: Array<{ name: string; rules: Rules }> = [];
  return {
    created,
    get defaultPolicy() { return defaultPolicy ?? created.find((p) => p.name === 'default') ?? null; },
    createPolicy(name: string, rules: Rules) {
      if (created.some((p) => p.name === name)) throw new TypeError(`policy ${name} exists`);
      created.push({ name, rules });
      return rules;
    },
  };
}

describe('ensureWorkerUrlPolicy', () => {
  const worker = new URL('/dist/maplibre-gl-worker-abc.mjs', location.href).href;

  it('installs a default policy that passes the MapLibre worker URL, also written relatively', () => {
    const factory = fakeFactory();
    ensureWorkerUrlPolicy(worker, factory);
    expect(factory.created.map((p) => p.name)).to.deep.equal(['default']);
    const { createScriptURL } = factory.created[0].rules;
    expect(createScriptURL!(worker)).to.equal(worker);
    expect(createScriptURL!('/dist/maplibre-gl-worker-abc.mjs')).to.equal('/dist/maplibre-gl-worker-abc.mjs');
  });

  it('rejects every other script URL', () => {
    const factory = fakeFactory();
    ensureWorkerUrlPolicy(worker, factory);
    const { createScriptURL } = factory.created[0].rules;
    for (const other of ['https://evil.example/x.js', new URL('/dist/other.mjs', location.href).href, `${worker}?v=2`, 'blob:https://evil.example/1', 'data:text/javascript,alert(1)', 'javascript:alert(1)']) {
      expect(createScriptURL!(other), other).to.equal(null);
    }
  });

  it('leaves a default policy the page already has alone', () => {
    const pagePolicy = { name: 'default' };
    const factory = fakeFactory(pagePolicy);
    ensureWorkerUrlPolicy(worker, factory);
    expect(factory.created).to.deep.equal([]);
    expect(factory.defaultPolicy).to.equal(pagePolicy);
  });

  it('a second map adds its worker URL to the policy it installed instead of creating another', () => {
    const factory = fakeFactory();
    const second = new URL('/self-hosted/worker.mjs', location.href).href;
    ensureWorkerUrlPolicy(worker, factory);
    ensureWorkerUrlPolicy(second, factory);
    expect(factory.created).to.have.length(1);
    expect(factory.created[0].rules.createScriptURL!(second)).to.equal(second);
  });

  it('does nothing where Trusted Types are missing, or when the CSP forbids a default policy', () => {
    expect(() => ensureWorkerUrlPolicy(worker, undefined)).not.to.throw();
    const refusing: TrustedTypesFactory = { defaultPolicy: null, createPolicy: () => { throw new TypeError('not allowed by trusted-types'); } };
    expect(() => ensureWorkerUrlPolicy(worker, refusing)).not.to.throw();
  });

  it("works with the browser's own trustedTypes", () => {
    const factory = (window as unknown as { trustedTypes: TrustedTypesFactory & { defaultPolicy: { createScriptURL(u: string): { toString(): string } } | null } }).trustedTypes;
    ensureWorkerUrlPolicy(worker, factory);
    expect(factory.defaultPolicy).to.not.equal(null);
    expect(String(factory.defaultPolicy!.createScriptURL(worker))).to.equal(worker);
  });
});
