// apps/v1 workloads: Deployment, ReplicaSet, StatefulSet, DaemonSet. They share a
// selector + template core; ValidateDeploymentSpec & co. require the selector to be
// non-empty and to match the template's labels.

import { ignored, ignoring, int, str, type Fields } from '../fieldSpec';
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from '../types';
import type { FinishContext, KindDecoder } from './kindDecoder';
import { checkSelector, labelSelector, objectMeta, selectorMatches } from './meta';
import { finishTemplate, podTemplate } from './pod';

type Workload = Deployment | ReplicaSet | StatefulSet | DaemonSet;

const core: Fields = {
  apiVersion: str(),
  kind: str(),
  metadata: objectMeta(),
  status: ignored,
};

const workloadSpec = (extra: Fields, withReplicas: boolean): Fields => ({
  selector: labelSelector({ required: true }),
  template: podTemplate,
  ...(withReplicas ? { replicas: int(0) } : {}),
  ...extra,
});

function finishWorkload<T extends Workload>(w: T, c: FinishContext): T {
  // apps/v1 defaulting: replicas 1 (DaemonSets have none).
  if (w.kind !== 'DaemonSet') w.spec.replicas ??= 1;
  const { selector, template } = w.spec;
  checkSelector(selector, 'spec.selector', c);
  if (!selector.matchLabels && !selector.matchExpressions?.length) {
    c.report('error', 'selector.empty', {}, 'spec.selector');
  } else if (!selectorMatches(selector, template.metadata?.labels ?? {})) {
    c.report(
      'error',
      'selector.mismatch',
      {},
      c.written('spec.template.metadata.labels') ? 'spec.template.metadata.labels' : 'spec.template',
    );
  }
  finishTemplate(template, 'spec.template', c);
  return w;
}

const apps = <T extends Workload>(kind: T['kind'], spec: Fields): KindDecoder<T> => ({
  apiVersion: 'apps/v1',
  kind,
  namespaced: true,
  fields: { ...core, spec: { type: 'object', fields: spec, required: true } },
  finish: finishWorkload,
});

export const deploymentDecoder = apps<Deployment>(
  'Deployment',
  workloadSpec(ignoring('strategy', 'minReadySeconds', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds'), true),
);

export const replicaSetDecoder = apps<ReplicaSet>('ReplicaSet', workloadSpec(ignoring('minReadySeconds'), true));

export const statefulSetDecoder = apps<StatefulSet>(
  'StatefulSet',
  workloadSpec(
    {
      serviceName: str(),
      ...ignoring('volumeClaimTemplates', 'podManagementPolicy', 'updateStrategy', 'revisionHistoryLimit', 'minReadySeconds'),
      ...ignoring('persistentVolumeClaimRetentionPolicy', 'ordinals'),
    },
    true,
  ),
);

export const daemonSetDecoder = apps<DaemonSet>(
  'DaemonSet',
  workloadSpec(ignoring('updateStrategy', 'minReadySeconds', 'revisionHistoryLimit'), false),
);
