// Manifests in, cluster out: what a fresh kubeadm + flannel cluster's API server and controllers
// would hold after the learner's objects were applied. Pure; never throws.

import { diagnostic, nowhere, type Diagnostic, type SourceRef } from '../diagnostics';
import type { KubeObject, KubeProxyConfiguration, Manifest, Pod } from '../manifest/types';
import { builtinObjects, NO_SOURCE } from './builtins';
import { systemWorkloads } from './dumpBuiltins';
import { clusterConfig, defaultConfig, detectDualStack } from './config';
import { runControllers } from './controllers';
import { apiServerSlice, reconcileEndpointSlices } from './endpointSlices';
import { stableUid } from '../hashing/names';
import { impliedNamespaces, keyOf, takeInventory, type Entry } from './inventory';
import { nodesFromPods, reportAddedNodes } from './dumpNodes';
import { observedSlices } from './slicePods';
import { controlPlaneNode, reconcileNodes } from './nodes';
import { assignPodNetwork } from './podNetwork';
import { schedulePods } from './scheduler';
import { inferRanges6 } from './inferRanges6';
import { applyRanges } from './ranges';
import { allocateServices } from './serviceAllocator';
import type { ClusterEvent, ClusterState, Origin } from './types';

/** API list order: by namespace, then name. */
function apiOrder<T extends { metadata: { name: string; namespace?: string } }>(list: T[]): T[] {
  return list
    .map((o) => ({ o, key: `${o.metadata.namespace ?? ''}/${o.metadata.name}` }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ o }) => o);
}

/** Objects a component adds to the cluster, and what-if switches the learner flips. */
export interface ReconcileOptions {
  /** Objects installed alongside the manifests (e.g. the ingress-nginx controller when an Ingress needs one). */
  addons?: KubeObject[];
  /** Nodes taken down: NotReady, their pods no longer serving. */
  downNodes?: string[];
  /** Pods (`namespace/name`) whose readiness probe fails. */
  notReadyPods?: string[];
}

export function reconcile(manifests: Manifest[], options: ReconcileOptions = {}): ClusterState {
  try {
    return reconcileAll(manifests ?? [], options);
  } catch (error) {
    // A bug must not take the learner's page down: report it and show an empty cluster.
    const state = emptyState();
    state.diagnostics.push(diagnostic('error', 'reconcile.internal', { message: String(error) }, nowhere()));
    return state;
  }
}

function emptyState(): ClusterState {
  return {
    config: defaultConfig(),
    namespaces: [],
    nodes: [],
    pods: [],
    workloads: [],
    services: [],
    endpointSlices: [],
    hosts: {},
    podNets: {},
    events: [],
    origins: {},
    sources: {},
    diagnostics: [],
  };
}

function reconcileAll(manifests: Manifest[], options: ReconcileOptions): ClusterState {
  const diagnostics: Diagnostic[] = [];
  const events: ClusterEvent[] = [];
  const kubeProxyConfigs = manifests.filter((m): m is Manifest<KubeProxyConfiguration> => m?.object?.kind === 'KubeProxyConfiguration');
  const config = clusterConfig(kubeProxyConfigs, diagnostics);
  applyRanges(config, manifests, diagnostics);
  const inv = takeInventory(manifests, [...builtinObjects(config, systemWorkloads(manifests)), ...(options.addons ?? [])], diagnostics);
  detectDualStack(
    config,
    inv.nodes.map((e) => e.object),
  );
  inferRanges6(config, manifests, diagnostics);
  const observed = observedSlices(inv, diagnostics);
  inv.pods.push(...observed.pods);
  const namespaces = [...inv.namespaces, ...impliedNamespaces(inv, diagnostics)];
  for (const entry of [...namespaces, ...inv.services, ...inv.endpoints, ...inv.pods]) {
    entry.object.metadata.uid ??= stableUid(keyOf(entry.object));
  }

  const added = nodesFromPods(inv, config, diagnostics);
  const { nodes, hosts } = reconcileNodes([...inv.nodes, ...added.map((a) => a.entry)], config, diagnostics);
  reportAddedNodes(added, diagnostics);
  const nodeObjects = nodes.map((e) => e.object);
  const { workloads, pods } = runControllers(inv, nodeObjects, events, diagnostics);
  schedulePods(pods, nodeObjects, events, diagnostics);
  const podNets = assignPodNetwork(pods, nodeObjects, hosts, events, diagnostics);
  applyWhatIf(
    options,
    pods.map((r) => r.pod),
  );
  const services = allocateServices(inv.services, config, diagnostics);

  const givenSlices = [...inv.endpointSlices];
  if (!givenSlices.some((e) => e.object.metadata.namespace === 'default' && e.object.metadata.name === 'kubernetes')) {
    givenSlices.unshift({ object: apiServerSlice(controlPlaneNode(nodeObjects)), origin: 'builtin', source: NO_SOURCE });
  }
  const slices = reconcileEndpointSlices(
    {
      services,
      pods: pods.map((r) => r.pod),
      nodes: nodeObjects,
      endpoints: inv.endpoints,
      endpointSlices: givenSlices,
      keptAsGiven: observed.services,
    },
    diagnostics,
  );

  const origins: Record<string, Origin> = {};
  const sources: Record<string, SourceRef> = {};
  const record = (e: Entry) => {
    const key = keyOf(e.object);
    origins[key] = e.origin;
    sources[key] = e.source;
  };
  [...namespaces, ...nodes, ...workloads, ...services, ...inv.endpoints, ...slices].forEach(record);
  for (const p of pods) {
    const key = keyOf(p.pod);
    origins[key] = p.origin;
    sources[key] = p.source;
  }

  const state: ClusterState = {
    config,
    namespaces: apiOrder(namespaces.map((e) => e.object)),
    nodes: apiOrder(nodeObjects),
    pods: apiOrder(pods.map((r) => r.pod)),
    workloads: workloads.map((e) => e.object),
    services: apiOrder(services.map((e) => e.object)),
    endpointSlices: apiOrder(slices.map((e) => e.object)),
    hosts,
    podNets,
    events,
    origins,
    sources,
    diagnostics,
  };
  if (kubeProxyConfigs[0]) state.kubeProxyConfiguration = kubeProxyConfigs[0].object;
  if (options.downNodes?.length) state.downNodes = options.downNodes.filter((n) => nodeObjects.some((o) => o.metadata.name === n));
  return state;
}

/**
 * A node taken down stops serving its pods (state.downNodes says it is gone; its Node
 * object is left as it was, as the API server shows it for the first ~40 s); a failing
 * readiness probe makes one pod not ready.
 */
function applyWhatIf(options: ReconcileOptions, pods: Pod[]): void {
  const down = new Set(options.downNodes ?? []);
  const notReady = new Set(options.notReadyPods ?? []);
  for (const pod of pods) {
    if (!down.has(pod.spec.nodeName ?? '') && !notReady.has(`${pod.metadata.namespace}/${pod.metadata.name}`)) continue;
    pod.status.conditions = (pod.status.conditions ?? []).map((c) =>
      c.type === 'Ready' || c.type === 'ContainersReady' ? { ...c, status: 'False' } : c,
    );
  }
}
