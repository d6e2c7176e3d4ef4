import { describe, expect, it, vi } from 'vitest';
import { scenarioText } from '../../e2e/fixtures/scenario';
import { inProcessWorker } from '../../e2e/fixtures/worker';
import { deriveModel, walkPacket } from '../model';
import { createAppStore } from './appStore';
import type { StoreDeps } from './types';

const deps = (extra: Partial<StoreDeps> = {}) => ({ deriveModel, walkPacket, reducedMotion: true, ...extra });
const added = { scheme: 'https' as const, host: 'shop.example.test', path: '/api/orders', method: 'GET', headers: [] };

describe('the migration view', () => {
  it('compares the scenario’s requests, adds the learner’s, follows an edit and closes', () => {
    const store = createAppStore(deps());
    store.getState().setText(scenarioText('ingress-migrate'));
    expect(store.getState().migration).toBeNull();
    store.getState().openMigration(true);
    const first = store.getState().migration!;
    expect(first.converted).toContain('kind: HTTPRoute');
    expect(first.rows.some((r) => r.differs.length > 0)).toBe(true);

    store.getState().addMigrationRequest(added);
    const last = store.getState().migration!.rows.at(-1)!;
    expect(last.request).toMatchObject({ probe: 'added', path: '/api/orders' });
    expect(last.nginx.upstreamPath).toBe('/orders');

    // An edit that drops the Ingresses leaves nothing to compare.
    store.getState().setText(scenarioText('hostnames'));
    expect(store.getState().migration).toBeNull();
    store.getState().openMigration(false);
    expect(store.getState().migrationOpen).toBe(false);
  });

  it('opens the converted paste as an edit (no editor here: the text is set), the learner’s Ingress gone from it', () => {
    const store = createAppStore(deps());
    store.getState().setText(scenarioText('ingress-migrate'));
    store.getState().openMigration(true);
    const { text } = store.getState().migration!;
    store.getState().openMigrated();
    expect(store.getState().edit?.fix).toMatchObject({ from: 0, insert: text });
    expect(store.getState().text).toBe(text);
    expect(store.getState().shown?.gatewayApi?.routes.length).toBeGreaterThan(0);
    expect(store.getState().shown?.ingress).toBeUndefined();
    expect(store.getState().migrationOpen).toBe(false);
  });

  it('in the worker: the same comparison as here', async () => {
    const text = `${scenarioText('ingress-migrate')}${'#\n'.repeat(25_000)}`;
    const worker = inProcessWorker();
    const store = createAppStore(deps(worker.deps));
    store.getState().setText(text);
    await vi.waitFor(() => expect(store.getState().deriving).toBe(false), { timeout: 30_000 });
    store.getState().openMigration(true);
    store.getState().addMigrationRequest(added);
    await vi.waitFor(() => expect(store.getState().migration?.rows.at(-1)?.request.probe).toBe('added'));
    expect(worker.received.at(-1)?.kind).toBe('migrate');
    const here = createAppStore(deps());
    here.getState().setText(text);
    here.getState().openMigration(true);
    here.getState().addMigrationRequest(added);
    expect(store.getState().migration).toEqual(here.getState().migration);
  });
});
