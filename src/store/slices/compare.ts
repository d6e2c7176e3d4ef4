// externalTrafficPolicy side by side: the same packet walked through the model as it is and
// through a second model derived with the Service's policy flipped. The UI only reads the two walks.

import type { Trace } from '../../model';
import type { AppState, CompareSlice, EtpComparison, GetState, SetState, StoreDeps } from '../types';

type Policy = 'Cluster' | 'Local';

/** The Service's policy in the shown model (what-ifs included); undefined unless NodePort/LoadBalancer. */
export function policyOf(s: Pick<AppState, 'shown'>, service: string): Policy | undefined {
  const svc = s.shown?.state.services.find((x) => `${x.metadata.namespace ?? 'default'}/${x.metadata.name}` === service);
  if (!svc || (svc.spec.type !== 'NodePort' && svc.spec.type !== 'LoadBalancer')) return undefined;
  return svc.spec.externalTrafficPolicy ?? 'Cluster';
}

/** Both walks of the packet the learner follows, Cluster first; null when the Service has no such policy. */
export function comparePatch(
  s: Pick<AppState, 'shown' | 'spec' | 'trace' | 'whatIf' | 'text' | 'fileName'>,
  service: string,
  deps: Pick<StoreDeps, 'deriveModel' | 'walkPacket'>,
): EtpComparison | null {
  const current = policyOf(s, service);
  if (!current || !s.spec || !s.shown) return null;
  const other: Policy = current === 'Cluster' ? 'Local' : 'Cluster';
  let flipped: Trace | null = null;
  try {
    const model = deps.deriveModel(s.shown.files, {
      ...s.whatIf,
      externalTrafficPolicy: { ...s.whatIf.externalTrafficPolicy, [service]: other },
    });
    flipped = deps.walkPacket(model, s.spec);
  } catch (err) {
    // The model promises not to throw; if it does, the comparison shows one side.
    console.error('deriving the flipped policy failed', err);
  }
  const walks = [
    { policy: current, trace: s.trace },
    { policy: other, trace: flipped },
  ].sort((a, b) => a.policy.localeCompare(b.policy));
  return { service, walks };
}

export function createCompareSlice(set: SetState, get: GetState, deps: StoreDeps): CompareSlice {
  return {
    comparison: null,
    compareEtp: (service) => set({ comparison: service ? comparePatch(get(), service, deps) : null }),
  };
}

/** Keeps an open comparison in step with the walk (a new packet, an edit, another what-if). */
export function followComparison(s: AppState, previous: AppState, deps: StoreDeps): Partial<AppState> | null {
  if (!s.comparison || (s.trace === previous.trace && s.shown === previous.shown)) return null;
  return { comparison: comparePatch(s, s.comparison.service, deps) };
}
