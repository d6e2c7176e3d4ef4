// The Gateway API scenarios of the gallery (and the Ingress they migrate from), opened and walked as the app does: each derives
// without errors, and each of its tries ends as its label says (status, route, backend).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioText } from '../../e2e/fixtures/scenario';
import { deriveModel, walkPacket } from '../model';
import { createAppStore } from './appStore';
import { parseGallery } from './gallery';

const gallery = parseGallery(JSON.parse(readFileSync(new URL('../../public/scenarios/index.json', import.meta.url), 'utf8')));

/** How each walk ends, by scenario: the opening walk first, then one per try in index.json's order. */
const expected: Record<string, Record<string, string | number | undefined>[]> = {
  'gateway-basics': [
    { status: 200, gateway: 'default/eg', route: 'default/shop', backend: 'default/shop:80' },
    { status: 200, route: 'default/api', backend: 'default/api:80' },
    { status: 404, gateway: 'default/eg', route: undefined },
  ],
  'gateway-hostnames': [
    { status: 200, gateway: 'infra/shared', route: 'web/shop', backend: 'backend/store:80' },
    { status: 500, route: 'web/shop', backend: 'backend/billing:80' },
    { status: 404, host: 'shop.other.test', route: undefined },
    { status: 404, host: 'blog.other.test', route: undefined },
    { status: 200, host: 'shop.example.test', route: 'web/shop', backend: 'backend/store:80' },
  ],
  'gateway-canary': [
    { status: 200, route: 'default/app', backend: 'default/app-v1:80' },
    { status: 200, route: 'default/app', backend: 'default/app-v2:80' },
    { status: 200, route: 'default/app', backend: 'default/app-v2:80' },
  ],
  'gateway-https-redirect': [
    { status: 301, route: 'default/redirect-to-https', location: 'https://secure.example.test/login' },
    { status: 200, route: 'default/app', backend: 'default/app:80' },
    { status: 301, host: 'secure.example.test', location: 'https://secure.example.test/login' },
    { status: 404, host: '192.168.1.240', route: undefined },
  ],
  // Through ingress-nginx: ssl-redirect, the regex path, then the canary Ingress's share.
  'ingress-migrate': [
    { status: 308, ingress: 'default/shop', location: 'https://shop.example.test/api/orders' },
    { status: 200, ingress: 'default/shop', path: '/api/orders', canary: undefined },
    { status: 200, ingress: 'default/shop', canary: undefined },
    { status: 200, ingress: 'default/shop', canary: 'default/shop-canary' },
  ],
};

describe('the Gateway API scenarios of the gallery', () => {
  const store = () => createAppStore({ deriveModel, walkPacket, reducedMotion: true });

  it.each(Object.keys(expected))('%s derives without errors and every try ends as its label says', (id) => {
    const entry = gallery.find((e) => e.id === id)!;
    expect(entry, id).toBeDefined();
    const s = store();
    s.getState().openScenario(id, scenarioText(id));
    expect(s.getState().model?.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const ends = [s.getState().trace?.outcome];
    for (const t of entry.tries) {
      s.getState().tryWalk(t.walk);
      ends.push(s.getState().trace?.outcome);
    }
    expect(ends.map((o) => o?.result)).toEqual(expected[id]!.map(() => 'delivered'));
    // Only the fields each end names; `route: undefined` says no route answered.
    const seen = ends.map((o, i) => Object.fromEntries(Object.keys(expected[id]![i]!).map((k) => [k, o?.http?.[k as 'route']])));
    expect(seen).toEqual(expected[id]);
  });

  it('sends the header a try names: Host picks the route on the Gateway address', () => {
    const entry = gallery.find((e) => e.id === 'gateway-hostnames')!;
    const byAddress = entry.tries.find((t) => t.walk.to?.kind === 'url' && t.walk.to.headers);
    expect(byAddress?.walk.to).toEqual({
      kind: 'url',
      url: 'http://192.168.1.240/',
      headers: [{ name: 'Host', value: 'shop.example.test' }],
    });
  });
});
