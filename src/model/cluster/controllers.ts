// The workload controllers of kube-controller-manager v1.33: Deployment -> ReplicaSet -> Pods,
// StatefulSet ordinals, one DaemonSet pod per eligible node. Names are stable: they depend only
// on the owner and the ordinal (or node), never on other objects.

import { diagnostic, type Diagnostic } from '../diagnostics';
import { MODEL_LIMITS } from '../limits';
import type {
  DaemonSet,
  Deployment,
  LabelSelector,
  Node,
  OwnerReference,
  Pod,
  PodTemplateSpec,
  ReplicaSet,
  StatefulSet,
  Toleration,
} from '../manifest/types';
import { canonicalJson, generatedName, stableUid, templateHash } from '../hashing/names';
import { clone, type Entry, type Inventory } from './inventory';
import { matchesSelector } from './labels';
import { isTerminal, type PodOwner, type PodRecord } from './podRecord';
import { namespacedName } from '../k8s';
import { unfitReason } from './scheduler';
import type { ClusterEvent, Origin, Workload } from './types';

const POD_TEMPLATE_HASH = 'pod-template-hash';

/** DaemonSet pods tolerate node problems (daemon util AddOrUpdateDaemonPodTolerations). */
function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const list: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (hostNetwork) list.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  return list;
}

/** The DefaultTolerationSeconds admission plugin: every pod survives 5 minutes of a node going away. */
export function admitDefaultTolerations(pod: Pod): void {
  const tolerations = (pod.spec.tolerations ??= []);
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const covered = tolerations.some(
      (t) => (t.effect === 'NoExecute' || !t.effect) && (t.key === key || (!t.key && t.operator === 'Exists')),
    );
    if (!covered) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
}

function controllerRef(pod: Pod): OwnerReference | undefined {
  const refs = pod.metadata.ownerReferences ?? [];
  return refs.find((r) => r.controller) ?? (refs.length === 1 ? refs[0] : undefined);
}

function replicasOf(value: number | undefined): number {
  return value === undefined ? 1 : Math.max(0, Math.floor(Number(value)) || 0);
}

/** The template as the Deployment controller compares it: without the pod-template-hash label. */
function withoutHashLabel(template: PodTemplateSpec | undefined): string {
  const t = template ?? { spec: { containers: [] } };
  const labels = { ...t.metadata?.labels };
  delete labels[POD_TEMPLATE_HASH];
  return canonicalJson({ ...t, metadata: { ...t.metadata, labels } });
}

function ownerOf(entry: Entry<Workload>): PodOwner {
  const m = entry.object.metadata;
  return { kind: entry.object.kind, namespace: m.namespace ?? 'default', name: m.name, origin: entry.origin, source: entry.source };
}

class Controllers {
  readonly workloads: Entry<Workload>[] = [];
  private readonly given: PodRecord[];
  private readonly created: PodRecord[] = [];
  private readonly removed = new Set<PodRecord>();
  private readonly byController = new Map<string, PodRecord[]>();
  private readonly orphans: PodRecord[] = [];
  private readonly names = new Set<string>();
  /** Pods of the learner's objects in the model so far, against MODEL_LIMITS.podsInModel. */
  private learnerPods = 0;

  constructor(
    private readonly inv: Inventory,
    private readonly nodes: Node[],
    private readonly events: ClusterEvent[],
    private readonly diagnostics: Diagnostic[],
  ) {
    this.given = this.withinCap(inv.pods).map((e) => {
      const pod = e.object;
      pod.spec ??= { containers: [] };
      pod.status ??= {};
      const owner: PodOwner = {
        kind: 'Pod',
        namespace: pod.metadata.namespace!,
        name: pod.metadata.name,
        origin: e.origin,
        source: e.source,
      };
      return { pod, origin: e.origin, source: e.source, owner, group: `Pod/${namespacedName(pod)}`, given: true };
    });
    for (const record of this.given) {
      this.names.add(namespacedName(record.pod));
      const ref = controllerRef(record.pod);
      if (!ref) this.orphans.push(record);
      else this.list(this.byController, `${ref.kind}/${record.pod.metadata.namespace}/${ref.name}`).push(record);
    }
  }

  /** The pods the learner wrote, up to MODEL_LIMITS.podsInModel; a message at the first one left out. */
  private withinCap(given: Entry<Pod>[]): Entry<Pod>[] {
    const kept: Entry<Pod>[] = [];
    const over: Entry<Pod>[] = [];
    for (const e of given) {
      if (e.origin === 'builtin') kept.push(e);
      else if (this.learnerPods < MODEL_LIMITS.podsInModel) {
        kept.push(e);
        this.learnerPods++;
      } else over.push(e);
    }
    if (over[0]) {
      const params = { cap: MODEL_LIMITS.podsInModel, left: over.length, name: over[0].object.metadata.name };
      this.diagnostics.push(diagnostic('warning', 'limits.givenPods', params, over[0].source.pos));
    }
    return kept;
  }

  pods(): PodRecord[] {
    return [...this.given, ...this.created].filter((r) => !this.removed.has(r));
  }

  run(): void {
    for (const d of this.inv.deployments) if (this.valid(d)) this.syncDeployment(d);
    const synced = new Set<Entry<Workload>>(this.workloads);
    for (const rs of this.inv.replicaSets) if (!synced.has(rs) && this.valid(rs)) this.syncReplicaSet(rs, ownerOf(rs));
    for (const sts of this.inv.statefulSets) if (this.valid(sts)) this.syncStatefulSet(sts);
    for (const ds of this.inv.daemonSets) if (this.valid(ds)) this.syncDaemonSet(ds);
  }

  /** API validation the learner meets most: a selector that is empty or does not select its own template. */
  private valid(entry: Entry<Workload>): boolean {
    const { spec, kind, metadata } = entry.object;
    const selector: LabelSelector | undefined = spec?.selector;
    const empty = !selector || (!Object.keys(selector.matchLabels ?? {}).length && !(selector.matchExpressions ?? []).length);
    const code = empty
      ? 'workload.selectorEmpty'
      : !matchesSelector(spec.template?.metadata?.labels, selector)
        ? 'workload.selectorMismatch'
        : undefined;
    if (!code) return true;
    this.diagnostics.push(diagnostic('error', code, { kind, name: metadata.name }, entry.source.at('spec.selector')));
    return false;
  }

  private syncDeployment(d: Entry<Deployment>): void {
    this.workloads.push(d);
    const deploy = d.object;
    const ns = deploy.metadata.namespace!;
    deploy.metadata.uid ??= stableUid(`Deployment/${ns}/${deploy.metadata.name}`);
    const replicas = replicasOf(deploy.spec.replicas);
    const owned = this.inv.replicaSets.filter((rs) => {
      const ref = rs.object.metadata.ownerReferences?.find((r) => r.kind === 'Deployment');
      return rs.object.metadata.namespace === ns && ref?.name === deploy.metadata.name;
    });
    const wanted = owned.length ? withoutHashLabel(deploy.spec.template) : '';
    let active = owned.find((rs) => withoutHashLabel(rs.object.spec.template) === wanted);
    // A completed rollout: every other ReplicaSet of the Deployment is scaled to zero.
    for (const old of owned) if (old !== active) old.object.spec.replicas = 0;
    if (active) {
      active.object.spec.replicas = replicas;
    } else {
      active = {
        object: this.newReplicaSet(deploy, replicas),
        origin: d.origin === 'builtin' ? 'builtin' : 'controller',
        source: d.source,
      };
      if (d.origin !== 'builtin') {
        this.event(deploy, 'Normal', 'ScalingReplicaSet', { replicaSet: active.object.metadata.name, replicas });
      }
    }
    for (const rs of owned) if (rs !== active) this.syncReplicaSet(rs, ownerOf(d));
    this.syncReplicaSet(active, ownerOf(d));
  }

  /** The ReplicaSet the Deployment controller creates: named and labelled by the template's hash. */
  private newReplicaSet(deploy: Deployment, replicas: number): ReplicaSet {
    const hash = templateHash(deploy.spec.template);
    const ns = deploy.metadata.namespace!;
    // The pods parse their own copies of the spec, so the ReplicaSet may share the Deployment's.
    const source = deploy.spec.template ?? { spec: { containers: [] } };
    const template = { ...source, metadata: { ...source.metadata, labels: { ...source.metadata?.labels, [POD_TEMPLATE_HASH]: hash } } };
    const name = `${deploy.metadata.name}-${hash}`;
    const maxSurge = Math.ceil(replicas * 0.25); // the default 25% rounds up
    return {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        namespace: ns,
        uid: stableUid(`ReplicaSet/${ns}/${name}`),
        labels: { ...template.metadata.labels },
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(replicas),
          'deployment.kubernetes.io/max-replicas': String(replicas + maxSurge),
          'deployment.kubernetes.io/revision': '1',
        },
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'Deployment', name: deploy.metadata.name, uid: deploy.metadata.uid!, controller: true },
        ],
      },
      spec: {
        replicas,
        selector: { ...clone(deploy.spec.selector), matchLabels: { ...deploy.spec.selector.matchLabels, [POD_TEMPLATE_HASH]: hash } },
        template,
      },
    };
  }

  private syncReplicaSet(entry: Entry<ReplicaSet>, owner: PodOwner): void {
    this.workloads.push(entry);
    const rs = entry.object;
    const ns = rs.metadata.namespace!;
    const name = rs.metadata.name;
    rs.metadata.uid ??= stableUid(`ReplicaSet/${ns}/${name}`);
    const ref = this.ownerReference(rs);
    const group = `ReplicaSet/${ns}/${name}`;
    const mine = [...this.takeOwned(group), ...this.adoptOrphans(ns, rs.spec.selector, ref)].filter((r) => !isTerminal(r.pod));
    for (const r of mine) Object.assign(r, { group, owner });
    const replicas = replicasOf(rs.spec.replicas);
    mine.sort((a, b) => (a.pod.metadata.name < b.pod.metadata.name ? -1 : 1));
    for (const extra of mine.slice(replicas)) this.remove(extra, rs, entry.origin);
    const kept = Math.min(replicas, mine.length);
    let missing = this.room(entry, owner, replicas, kept) - kept;
    const newPod = this.templater(rs.spec.template, ns, ref, `${name}-`);
    for (let ordinal = 0; missing > 0; ordinal++) {
      const podName = generatedName(`${name}-`, `${ns}/${name}/${ordinal}`);
      if (this.names.has(`${ns}/${podName}`)) continue;
      this.create(newPod(podName), entry, owner, group);
      missing--;
    }
  }

  private syncStatefulSet(entry: Entry<StatefulSet>): void {
    this.workloads.push(entry);
    const sts = entry.object;
    const ns = sts.metadata.namespace!;
    const name = sts.metadata.name;
    sts.metadata.uid ??= stableUid(`StatefulSet/${ns}/${name}`);
    const ref = this.ownerReference(sts);
    const group = `StatefulSet/${ns}/${name}`;
    const owner = ownerOf(entry);
    const replicas = replicasOf(sts.spec.replicas);
    const revision = `${name}-${templateHash(sts.spec.template)}`;
    const owned = new Map(this.takeOwned(group).map((r) => [r.pod.metadata.name, r]));
    const newPod = this.templater(sts.spec.template, ns, ref);
    const modelled = this.room(entry, owner, replicas, Math.min(owned.size, replicas));
    for (let i = 0; i < modelled; i++) {
      const podName = `${name}-${i}`;
      const existing = owned.get(podName) ?? this.adoptByName(ns, podName, sts.spec.selector, ref);
      owned.delete(podName);
      if (existing) {
        Object.assign(existing, { group, owner });
        continue;
      }
      if (this.names.has(`${ns}/${podName}`)) continue; // taken by a pod another controller owns
      const pod = newPod(podName);
      Object.assign(pod.metadata.labels!, {
        'apps.kubernetes.io/pod-index': String(i),
        'controller-revision-hash': revision,
        'statefulset.kubernetes.io/pod-name': podName,
      });
      pod.spec.hostname = podName;
      if (sts.spec.serviceName) pod.spec.subdomain = sts.spec.serviceName;
      this.create(pod, entry, owner, group);
    }
    for (const [podName, extra] of owned) {
      // Pods the learner wrote past the modelled ordinals are still the StatefulSet's.
      const ordinal = Number(podName.slice(name.length + 1));
      if (podName.startsWith(`${name}-`) && Number.isInteger(ordinal) && ordinal < replicas) Object.assign(extra, { group, owner });
      else this.remove(extra, sts, entry.origin);
    }
  }

  private syncDaemonSet(entry: Entry<DaemonSet>): void {
    this.workloads.push(entry);
    const ds = entry.object;
    const ns = ds.metadata.namespace!;
    const name = ds.metadata.name;
    ds.metadata.uid ??= stableUid(`DaemonSet/${ns}/${name}`);
    const ref = this.ownerReference(ds);
    const group = `DaemonSet/${ns}/${name}`;
    const owner = ownerOf(entry);
    const hash = templateHash(ds.spec.template);
    const spec = clone(ds.spec.template?.spec ?? { containers: [] });
    spec.tolerations = [...(spec.tolerations ?? []), ...daemonTolerations(spec.hostNetwork === true)];
    const owned = this.takeOwned(group);
    const newPod = this.templater(ds.spec.template, ns, ref, `${name}-`);
    let left = 0;
    for (const node of this.nodes) {
      if (unfitReason(spec, node)) continue;
      const nodeName = node.metadata.name;
      const existing = owned.findIndex((r) => r.pod.spec.nodeName === nodeName);
      if (existing >= 0) {
        Object.assign(owned.splice(existing, 1)[0]!, { group, owner, pinnedNode: nodeName });
        continue;
      }
      if (entry.origin !== 'builtin' && this.learnerPods >= MODEL_LIMITS.podsInModel) {
        left++;
        continue;
      }
      const podName = generatedName(`${name}-`, `${ns}/${name}/${nodeName}`);
      const pod = newPod(podName);
      pod.spec.tolerations = clone(spec.tolerations);
      Object.assign(pod.metadata.labels!, { 'controller-revision-hash': hash, 'pod-template-generation': '1' });
      this.create(pod, entry, owner, group).pinnedNode = nodeName;
    }
    for (const extra of owned) this.remove(extra, ds, entry.origin);
    if (left > 0) {
      const params = { name, cap: MODEL_LIMITS.podsInModel, left: left };
      this.diagnostics.push(diagnostic('warning', 'limits.daemonSetPods', params, entry.source.at('metadata.name')));
    }
  }

  /**
   * How many of a workload's `replicas` pods the model holds: at most MODEL_LIMITS.podsPerWorkload,
   * and no more than the room left under MODEL_LIMITS.podsInModel (pods it already has, `kept`,
   * stay). Fewer than asked is said at `spec.replicas`, which keeps its value.
   */
  private room(entry: Entry<Workload>, owner: PodOwner, replicas: number, kept: number): number {
    const room = entry.origin === 'builtin' ? Infinity : kept + MODEL_LIMITS.podsInModel - this.learnerPods;
    const modelled = Math.max(kept, Math.min(replicas, MODEL_LIMITS.podsPerWorkload, room));
    if (modelled < replicas) {
      const code = modelled < Math.min(replicas, MODEL_LIMITS.podsPerWorkload) ? 'limits.podsInModel' : 'limits.podsPerWorkload';
      const cap = code === 'limits.podsInModel' ? MODEL_LIMITS.podsInModel : MODEL_LIMITS.podsPerWorkload;
      const params = {
        kind: owner.kind,
        name: owner.name,
        modelled,
        replicas,
        left: replicas - modelled,
        cap,
      };
      this.diagnostics.push(diagnostic('warning', code, params, entry.source.at('spec.replicas')));
    }
    return modelled;
  }

  private ownerReference(o: Workload): OwnerReference {
    return { apiVersion: 'apps/v1', kind: o.kind, name: o.metadata.name, uid: o.metadata.uid!, controller: true };
  }

  /** Pods of one template share its text; each gets its own parsed copy to fill in. */
  private templater(template: PodTemplateSpec | undefined, ns: string, ref: OwnerReference, generateName?: string) {
    const specJson = JSON.stringify(template?.spec ?? { containers: [] });
    const labelsJson = JSON.stringify(template?.metadata?.labels ?? {});
    const annotationsJson = template?.metadata?.annotations ? JSON.stringify(template.metadata.annotations) : undefined;
    return (name: string): Pod => {
      const pod: Pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name,
          ...(generateName ? { generateName } : {}),
          namespace: ns,
          uid: stableUid(`Pod/${ns}/${name}`),
          labels: JSON.parse(labelsJson) as Record<string, string>,
          ...(annotationsJson ? { annotations: JSON.parse(annotationsJson) as Record<string, string> } : {}),
          ownerReferences: [{ ...ref }],
        },
        spec: JSON.parse(specJson) as Pod['spec'],
        status: {},
      };
      pod.spec.containers ??= [];
      return pod;
    };
  }

  private create(pod: Pod, entry: Entry<Workload>, owner: PodOwner, group: string): PodRecord {
    const record: PodRecord = {
      pod,
      origin: entry.origin === 'builtin' ? 'builtin' : 'controller',
      source: owner.source,
      owner,
      group,
      given: false,
    };
    this.created.push(record);
    if (entry.origin !== 'builtin') this.learnerPods++;
    this.names.add(namespacedName(pod));
    if (entry.origin !== 'builtin') this.event(entry.object, 'Normal', 'SuccessfulCreate', { pod: pod.metadata.name });
    return record;
  }

  private remove(record: PodRecord, controller: Workload, origin: Origin): void {
    this.removed.add(record);
    if (record.origin !== 'builtin') this.learnerPods--;
    if (origin !== 'builtin') this.event(controller, 'Normal', 'SuccessfulDelete', { pod: record.pod.metadata.name });
  }

  private takeOwned(group: string): PodRecord[] {
    const list = this.byController.get(group) ?? [];
    this.byController.delete(group);
    return list;
  }

  /** The ReplicaSet controller adopts running pods that match its selector and have no controller. */
  private adoptOrphans(ns: string, selector: LabelSelector, ref: OwnerReference): PodRecord[] {
    const adopted: PodRecord[] = [];
    for (let i = this.orphans.length - 1; i >= 0; i--) {
      const r = this.orphans[i]!;
      if (r.pod.metadata.namespace !== ns || isTerminal(r.pod) || !matchesSelector(r.pod.metadata.labels, selector)) continue;
      this.orphans.splice(i, 1);
      this.adopt(r, ref);
      adopted.unshift(r);
    }
    return adopted;
  }

  private adoptByName(ns: string, name: string, selector: LabelSelector, ref: OwnerReference): PodRecord | undefined {
    const i = this.orphans.findIndex(
      (r) => r.pod.metadata.namespace === ns && r.pod.metadata.name === name && matchesSelector(r.pod.metadata.labels, selector),
    );
    if (i < 0) return undefined;
    const [r] = this.orphans.splice(i, 1);
    this.adopt(r!, ref);
    return r;
  }

  private adopt(r: PodRecord, ref: OwnerReference): void {
    r.pod.metadata.ownerReferences = [...(r.pod.metadata.ownerReferences ?? []), { ...ref }];
    this.diagnostics.push(
      diagnostic('info', 'pod.adopted', { pod: r.pod.metadata.name, kind: ref.kind, owner: ref.name }, r.source.at('metadata.labels')),
    );
  }

  private event(o: Workload, type: ClusterEvent['type'], reason: string, params: Record<string, string | number>): void {
    this.events.push({
      object: `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`,
      type,
      reason,
      message: { key: `event.${reason}`, params },
    });
  }

  private list<K, V>(map: Map<K, V[]>, key: K): V[] {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    return list;
  }
}

export interface ControllerResult {
  workloads: Entry<Workload>[];
  pods: PodRecord[];
}

/** Runs the workload controllers over the inventory; given pods are kept, adopted or (beyond replicas) deleted. */
export function runControllers(inv: Inventory, nodes: Node[], events: ClusterEvent[], diagnostics: Diagnostic[]): ControllerResult {
  const controllers = new Controllers(inv, nodes, events, diagnostics);
  controllers.run();
  const pods = controllers.pods();
  for (const r of pods) admitDefaultTolerations(r.pod);
  return { workloads: controllers.workloads, pods };
}
