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

type Compared = Pick<AppState, 'shown' | 'spec' | 'trace' | 'whatIf'>;

/** The what-ifs of the other side: the Service's policy flipped. */
const flippedOptions = (s: Compared, service: string, other: Policy) => ({
  ...s.whatIf,
  externalTrafficPolicy: { ...s.whatIf.externalTrafficPolicy, [service]: other },
});

const sides = (service: string, current: Policy, trace: Trace | null, flipped: Trace | null): EtpComparison => {
  const other: Policy = current === 'Cluster' ? 'Local' : 'Cluster';
  const walks = [
    { policy: current, trace },
    { policy: other, trace: flipped },
  ].sort((a, b) => a.policy.localeCompare(b.policy));
  return { service, walks };
};

/** Both walks of the packet the learner follows through a model derived here, Cluster first; null when the Service has no such policy. */
export function comparePatch(s: Compared, service: string, deps: Pick<StoreDeps, 'deriveModel' | 'walkPacket'>): EtpComparison | null {
  const current = policyOf(s, service);
  if (!current || !s.spec || !s.shown) return null;
  let flipped: Trace | null = null;
  try {
    const model = deps.deriveModel(s.shown.files, flippedOptions(s, service, current === 'Cluster' ? 'Local' : 'Cluster'));
    flipped = deps.walkPacket(model, s.spec);
  } catch (err) {
    // The model promises not to throw; if it does, the comparison shows one side.
    console.error('deriving the flipped policy failed', err);
  }
  return sides(service, current, s.trace, flipped);
}

export function createCompareSlice(set: SetState, get: GetState, deps: StoreDeps): CompareSlice {
  return {
    comparison: null,
    compareEtp: (service) => {
      const s = get();
      const current = service ? policyOf(s, service) : undefined;
      // The worker's model is flipped there; the comparison follows when it answers.
      const pending =
        service && current && s.spec && s.shown && !s.shown.full
          ? deps.compareAsync?.(s.shown, flippedOptions(s, service, current === 'Cluster' ? 'Local' : 'Cluster'), s.spec)
          : undefined;
      if (!pending) return set({ comparison: service ? comparePatch(s, service, deps) : null });
      pending.then(
        (flipped) => {
          const now = get();
          // A later walk or edit asks again.
          if (flipped === undefined || now.spec !== s.spec || now.shown !== s.shown || now.trace !== s.trace) return;
          set({ comparison: sides(service!, current!, now.trace, flipped) });
        },
        (err) => console.error('comparing in the worker failed', err),
      );
    },
  };
}

/** The Service of an open comparison to walk again: the walk changed (a new packet, an edit, another what-if). */
export function comparisonToFollow(s: AppState, previous: AppState): string | null {
  if (!s.comparison || (s.trace === previous.trace && s.shown === previous.shown)) return null;
  return s.comparison.service;
}
