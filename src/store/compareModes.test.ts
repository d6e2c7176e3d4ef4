import { describe, expect, it, vi } from 'vitest';
import { scenarioText } from '../../e2e/fixtures/scenario';
import { inProcessWorker } from '../../e2e/fixtures/worker';
import { deriveModel, dnatPlace, walkPacket } from '../model';
import { createAppStore } from './appStore';
import { defaultModes } from './slices/compareModes';
import type { StoreDeps } from './types';

const deps = (extra: Partial<StoreDeps> = {}) => ({ deriveModel, walkPacket, reducedMotion: true, ...extra });

describe('compare proxy modes', () => {
  it('walks the same packet in iptables and nftables mode: the same pod, DNAT in different chains; follows a new mode and closes', () => {
    const store = createAppStore(deps());
    store.getState().setText(scenarioText('hostnames'));
    expect(defaultModes(store.getState().shown?.state.config.proxy.mode)).toEqual(['iptables', 'nftables']);
    store.getState().compareModes(['iptables', 'nftables']);
    const [iptables, nftables] = store.getState().modeComparison!.walks;
    expect([iptables.mode, nftables.mode]).toEqual(['iptables', 'nftables']);
    // The shown walk is one of the two, unchanged; the what-ifs are untouched.
    expect(iptables.trace).toBe(store.getState().trace);
    expect(store.getState().whatIf).toEqual({});
    expect(nftables.trace!.outcome.pod).toBe(iptables.trace!.outcome.pod);
    expect(dnatPlace(iptables.trace!)?.rule?.chain).toMatch(/^KUBE-SEP-/);
    expect(dnatPlace(nftables.trace!)?.rule?.chain).toMatch(/^endpoint-/);

    // Switching the picture to IPVS keeps the comparison's modes; the IPVS walk is no column of it.
    store.getState().setWhatIf({ proxyMode: 'ipvs' });
    expect(defaultModes(store.getState().shown?.state.config.proxy.mode)).toEqual(['ipvs', 'nftables']);
    const after = store.getState().modeComparison!.walks;
    expect(after.map((w) => w.mode)).toEqual(['iptables', 'nftables']);
    expect(after.every((w) => w.trace !== store.getState().trace)).toBe(true);
    expect(after[1].trace!.outcome.pod).toBe(nftables.trace!.outcome.pod);

    store.getState().compareModes(null);
    expect(store.getState().modeComparison).toBeNull();
  });

  it('in the worker: the same two walks as comparing here, each mode derived there in turn', async () => {
    const text = `${scenarioText('hostnames')}${'#\n'.repeat(25_000)}`;
    const worker = inProcessWorker();
    const store = createAppStore(deps(worker.deps));
    store.getState().setText(text);
    await vi.waitFor(() => expect(store.getState().deriving).toBe(false), { timeout: 30_000 });
    store.getState().setWhatIf({ proxyMode: 'nftables' });
    await vi.waitFor(() => expect(store.getState().deriving).toBe(false), { timeout: 30_000 });
    store.getState().compareModes(['iptables', 'ipvs']);
    await vi.waitFor(() => expect(store.getState().modeComparison).not.toBeNull());
    expect(worker.received.map((r) => r.kind).slice(-2)).toEqual(['compare', 'compare']);
    const here = createAppStore(deps());
    here.getState().setText(text);
    here.getState().setWhatIf({ proxyMode: 'nftables' });
    here.getState().compareModes(['iptables', 'ipvs']);
    expect(store.getState().modeComparison).toEqual(here.getState().modeComparison);
    expect(store.getState().modeComparison!.walks.map((w) => dnatPlace(w.trace!)?.hook)).toEqual(['PREROUTING', 'ipvs']);
  });

  it('in the worker, beside the externalTrafficPolicy comparison: a new packet brings both up to date', async () => {
    const text = `${scenarioText('etp-local')}${'#\n'.repeat(25_000)}`;
    const worker = inProcessWorker();
    const store = createAppStore(deps(worker.deps));
    store.getState().setText(text);
    await vi.waitFor(() => expect(store.getState().deriving).toBe(false), { timeout: 30_000 });
    const spec = store.getState().spec!;
    if (spec.to.kind !== 'ip') throw new Error('expected an IP target');
    store.getState().compareEtp(store.getState().trace!.outcome.service!);
    store.getState().compareModes(['iptables', 'nftables']);
    await vi.waitFor(() => expect(store.getState().modeComparison).not.toBeNull());
    await vi.waitFor(() => expect(store.getState().comparison).not.toBeNull());

    // To the node without the echo pod: Local drops there, in either mode.
    store.getState().setTo({ ...spec.to, ip: '192.168.1.12' });
    const trace = () => store.getState().trace;
    await vi.waitFor(() => expect(trace()?.spec.to).toMatchObject({ ip: '192.168.1.12' }));
    await vi.waitFor(() => expect(store.getState().comparison!.walks.some((w) => w.trace === trace())).toBe(true));
    await vi.waitFor(() => expect(store.getState().modeComparison!.walks[0].trace).toBe(trace()));
    expect(store.getState().modeComparison!.walks.map((w) => w.trace?.outcome.result)).toEqual(['dropped', 'dropped']);
    expect(store.getState().comparison!.walks.map((w) => w.trace?.outcome.result)).toEqual(['delivered', 'dropped']);
  });
});
