// The API server's view before controllers run: learner objects over built-ins, one per name.

import { diagnostic, type Diagnostic, type SourceRef } from '../diagnostics';
import type {
  DaemonSet,
  Deployment,
  Endpoints,
  EndpointSlice,
  KubeObject,
  KubeProxyConfiguration,
  Manifest,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  Service,
  StatefulSet,
} from '../manifest/types';
import { MODEL_LIMITS } from '../limits';
import { NO_SOURCE } from './builtins';
import type { Origin } from './types';
import { objectKey } from '../k8s';

/** One stored object, with how it came to be and where to point diagnostics about it. */
export interface Entry<T extends KubeObject = KubeObject> {
  object: T;
  origin: Origin;
  source: SourceRef;
}

export interface Inventory {
  namespaces: Entry<Namespace>[];
  nodes: Entry<Node>[];
  pods: Entry<Pod>[];
  deployments: Entry<Deployment>[];
  replicaSets: Entry<ReplicaSet>[];
  statefulSets: Entry<StatefulSet>[];
  daemonSets: Entry<DaemonSet>[];
  services: Entry<Service>[];
  endpoints: Entry<Endpoints>[];
  endpointSlices: Entry<EndpointSlice>[];
  kubeProxyConfigurations: Manifest<KubeProxyConfiguration>[];
}

const CLUSTER_SCOPED = new Set(['Namespace', 'Node', 'KubeProxyConfiguration', 'IngressClass']);

/** Objects are JSON-shaped; the reconciler fills fields in, so it works on copies and never mutates its input. */
export function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) out[key] = clone(value[key]);
  return out as T;
}

export function keyOf(object: KubeObject): string {
  const namespaced = !CLUSTER_SCOPED.has(object.kind);
  return objectKey(object.kind, namespaced ? object.metadata?.namespace : undefined, object.metadata?.name ?? '');
}

/** Objects left out over a cap: how many, and the first, where the message goes. */
class LeftOut {
  private readonly first = new Map<string, Manifest>();
  private readonly counts = new Map<string, number>();

  add(key: string, manifest: Manifest): void {
    if (!this.first.has(key)) this.first.set(key, manifest);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  report(code: string, cap: number, diagnostics: Diagnostic[]): void {
    for (const [key, manifest] of this.first) {
      const params = { cap, left: this.counts.get(key)!, name: manifest.object.metadata?.name ?? '' };
      diagnostics.push(diagnostic('warning', code, params, manifest.source.pos));
    }
  }
}

/**
 * Later learner objects replace earlier ones of the same kind and name (as `kubectl apply` would),
 * and any learner object replaces the built-in of that name. Objects past MODEL_LIMITS.objectsPerFile
 * in their file, and Nodes past MODEL_LIMITS.nodes, are left out with a message at the first of them.
 */
export function takeInventory(manifests: Manifest[], builtins: KubeObject[], diagnostics: Diagnostic[]): Inventory {
  const byKey = new Map<string, Entry>();
  const inv: Inventory = {
    namespaces: [],
    nodes: [],
    pods: [],
    deployments: [],
    replicaSets: [],
    statefulSets: [],
    daemonSets: [],
    services: [],
    endpoints: [],
    endpointSlices: [],
    kubeProxyConfigurations: [],
  };
  for (const object of builtins) byKey.set(keyOf(object), { object, origin: 'builtin', source: NO_SOURCE });
  const perFile = new Map<string, number>();
  const overFile = new LeftOut();
  const nodes = new Set<string>();
  const overNodes = new LeftOut();
  for (const manifest of manifests) {
    if (!manifest?.object?.kind) continue;
    const file = manifest.source.file;
    const inFile = (perFile.get(file) ?? 0) + 1;
    perFile.set(file, inFile);
    if (inFile > MODEL_LIMITS.objectsPerFile) {
      overFile.add(file, manifest);
      continue;
    }
    if (manifest.object.kind === 'Node') {
      const name = manifest.object.metadata?.name ?? '';
      if (!nodes.has(name) && nodes.size >= MODEL_LIMITS.nodes) {
        overNodes.add('', manifest);
        continue;
      }
      nodes.add(name);
    }
    if (manifest.object.kind === 'KubeProxyConfiguration') {
      inv.kubeProxyConfigurations.push(manifest as Manifest<KubeProxyConfiguration>);
      continue;
    }
    // Ranges, read before the inventory is taken (ranges.ts).
    if (manifest.object.kind === 'ClusterConfiguration' || manifest.object.kind === 'ServiceCIDR') continue;
    const object = clone(manifest.object);
    object.metadata = { ...object.metadata, name: object.metadata?.name ?? '' };
    if (!CLUSTER_SCOPED.has(object.kind)) object.metadata.namespace = object.metadata.namespace || 'default';
    const key = keyOf(object);
    const earlier = byKey.get(key);
    if (earlier?.origin === 'manifest') {
      diagnostics.push(
        diagnostic(
          'warning',
          'object.duplicate',
          { kind: object.kind, name: object.metadata.name, line: earlier.source.pos.line, file: earlier.source.file },
          manifest.source.at('metadata.name'),
        ),
      );
    }
    byKey.set(key, { object, origin: 'manifest', source: manifest.source });
  }
  overFile.report('limits.objectsPerFile', MODEL_LIMITS.objectsPerFile, diagnostics);
  overNodes.report('limits.nodes', MODEL_LIMITS.nodes, diagnostics);
  for (const entry of byKey.values()) {
    const o = entry.object;
    switch (o.kind) {
      case 'Namespace':
        inv.namespaces.push(entry as Entry<Namespace>);
        break;
      case 'Node':
        inv.nodes.push(entry as Entry<Node>);
        break;
      case 'Pod':
        inv.pods.push(entry as Entry<Pod>);
        break;
      case 'Deployment':
        inv.deployments.push(entry as Entry<Deployment>);
        break;
      case 'ReplicaSet':
        inv.replicaSets.push(entry as Entry<ReplicaSet>);
        break;
      case 'StatefulSet':
        inv.statefulSets.push(entry as Entry<StatefulSet>);
        break;
      case 'DaemonSet':
        inv.daemonSets.push(entry as Entry<DaemonSet>);
        break;
      case 'Service':
        inv.services.push(entry as Entry<Service>);
        break;
      case 'Endpoints':
        inv.endpoints.push(entry as Entry<Endpoints>);
        break;
      case 'EndpointSlice':
        inv.endpointSlices.push(entry as Entry<EndpointSlice>);
        break;
    }
  }
  return inv;
}

/**
 * A real API server rejects objects in a namespace that does not exist. We create it instead
 * (so nothing the learner wrote disappears) and say so once per namespace.
 */
export function impliedNamespaces(inv: Inventory, diagnostics: Diagnostic[]): Entry<Namespace>[] {
  const known = new Set(inv.namespaces.map((e) => e.object.metadata.name));
  const implied: Entry<Namespace>[] = [];
  const namespaced: Entry[] = [
    ...inv.pods,
    ...inv.deployments,
    ...inv.replicaSets,
    ...inv.statefulSets,
    ...inv.daemonSets,
    ...inv.services,
    ...inv.endpoints,
    ...inv.endpointSlices,
  ];
  for (const entry of namespaced) {
    const name = entry.object.metadata?.namespace ?? 'default';
    if (known.has(name)) continue;
    known.add(name);
    implied.push({
      object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } } },
      origin: 'default',
      source: entry.source,
    });
    diagnostics.push(diagnostic('warning', 'namespace.implied', { namespace: name }, entry.source.at('metadata.namespace')));
  }
  return implied;
}
