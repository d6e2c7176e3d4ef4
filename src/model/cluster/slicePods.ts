// A dump of Services and EndpointSlices without every pod (`kubectl get svc,endpointslices -A -o
// yaml`): the slices list pods the paste lacks. The slices are what the cluster held and what
// kube-proxy used, so they are kept as given (the EndpointSlice controller leaves those Services
// alone), and each pod they list is added as the slice shows it — its name, node, address and
// readiness — so a walk to the Service reaches a pod, as it did in the cluster.

import { diagnostic, type Diagnostic } from '../diagnostics';
import type { Endpoint, EndpointSlice, Pod, Service } from '../manifest/types';
import { SERVICE_NAME_LABEL } from '../k8s';
import { hasSelector, MANAGED_BY, SLICE_CONTROLLER } from './endpointSlices';
import type { Entry, Inventory } from './inventory';

export interface ObservedSlices {
  /** `namespace/name` of the selector Services whose pasted slices are kept as given. */
  services: Set<string>;
  /** The pods those slices list that the paste lacks. */
  pods: Entry<Pod>[];
}

const isSelectorService = (svc: Service | undefined): svc is Service => !!svc && svc.spec.type !== 'ExternalName' && hasSelector(svc);

function podOf(slice: EndpointSlice, ep: Endpoint, svc: Service): Pod {
  const ns = slice.metadata.namespace!;
  const address = ep.addresses[0]!;
  const ready = ep.conditions?.ready !== false;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: ep.targetRef!.name,
      namespace: ns,
      ...(ep.targetRef!.uid ? { uid: ep.targetRef!.uid } : {}),
      labels: { ...svc.spec.selector },
    },
    spec: {
      ...(ep.nodeName ? { nodeName: ep.nodeName } : {}),
      // The slice does not say what runs in the pod; its ports are all the walk needs.
      containers: [],
    },
    status: {
      phase: 'Running',
      podIP: address,
      podIPs: [{ ip: address }],
      conditions: [
        { type: 'Ready', status: ready ? 'True' : 'False' },
        { type: 'ContainersReady', status: ready ? 'True' : 'False' },
      ],
    },
  } as Pod;
}

export function observedSlices(inv: Inventory, diagnostics: Diagnostic[]): ObservedSlices {
  const services = new Map(inv.services.map((e) => [`${e.object.metadata.namespace}/${e.object.metadata.name}`, e.object]));
  const pasted = new Set(inv.pods.map((e) => `${e.object.metadata.namespace}/${e.object.metadata.name}`));
  const missing = (ns: string, ep: Endpoint) =>
    ep.targetRef?.kind === 'Pod' &&
    !!ep.targetRef.name &&
    ep.addresses?.length > 0 &&
    !pasted.has(`${ep.targetRef.namespace ?? ns}/${ep.targetRef.name}`);
  const observed: ObservedSlices = { services: new Set(), pods: [] };
  for (const e of inv.endpointSlices) {
    const slice = e.object;
    const ns = slice.metadata.namespace!;
    const key = `${ns}/${slice.metadata.labels?.[SERVICE_NAME_LABEL]}`;
    const svc = services.get(key);
    if (slice.metadata.labels?.[MANAGED_BY] !== SLICE_CONTROLLER || !isSelectorService(svc)) continue;
    const listed = (slice.endpoints ?? []).map((ep, i) => ({ ep, i })).filter(({ ep }) => missing(ns, ep));
    if (!listed.length) continue;
    observed.services.add(key);
    for (const { ep, i } of listed) {
      pasted.add(`${ns}/${ep.targetRef!.name}`);
      // Every field of the added pod comes from this endpoint, so every message about it points here.
      const pos = e.source.at(`endpoints.${i}`);
      observed.pods.push({ object: podOf(slice, ep, svc), origin: 'manifest', source: { file: e.source.file, pos, at: () => pos } });
    }
    const params = { slice: slice.metadata.name, service: svc.metadata.name, pod: listed[0]!.ep.targetRef!.name, pods: listed.length };
    diagnostics.push(diagnostic('info', 'dump.sliceKept', params, e.source.at(`endpoints.${listed[0]!.i}`)));
  }
  return observed;
}
