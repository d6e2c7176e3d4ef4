// Pod, PodSpec and PodTemplateSpec (core/v1, Kubernetes v1.31 field set).

import { arr, bool, ignored, ignoring, int, labels, obj, oneOf, port, required, str, strings, type FieldSpec } from '../fieldSpec';
import type { Pod, PodSpec, PodTemplateSpec } from '../types';
import { PROTOCOLS, type FinishContext, type KindDecoder } from './kindDecoder';
import { objectMeta, templateMeta } from './meta';

const probePort: FieldSpec = { type: 'intOrString', min: 1, max: 65535, format: 'portName', required: true };

const probe: FieldSpec = obj({
  httpGet: obj({ path: str(), port: probePort, ...ignoring('host', 'scheme', 'httpHeaders') }),
  tcpSocket: obj({ port: probePort, ...ignoring('host') }),
  exec: obj({ command: strings() }),
  ...ignoring(
    'grpc',
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
    'terminationGracePeriodSeconds',
  ),
});

const container: FieldSpec = obj({
  name: required(str({ format: 'dns1123Label' })),
  image: str(),
  command: strings(),
  args: strings(),
  ports: arr(
    obj({
      name: str({ format: 'portName' }),
      containerPort: port({ required: true }),
      protocol: oneOf(PROTOCOLS),
      hostPort: int(0, 65535),
      hostIP: str({ format: 'ip' }),
    }),
  ),
  readinessProbe: probe,
  livenessProbe: ignored,
  startupProbe: ignored,
  ...ignoring('workingDir', 'envFrom', 'env', 'resources', 'resizePolicy', 'restartPolicy', 'volumeMounts', 'volumeDevices', 'lifecycle'),
  ...ignoring('terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty'),
});

const toleration: FieldSpec = obj({
  key: str({ format: 'labelKey' }),
  operator: oneOf(['Exists', 'Equal']),
  value: str(),
  effect: oneOf(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
  tolerationSeconds: int(-(2 ** 53), 2 ** 53),
});

export const podSpec = (opts: { required?: boolean } = {}): FieldSpec =>
  obj(
    {
      containers: arr(container, { required: true, minItems: 1 }),
      nodeName: str({ format: 'dns1123Subdomain' }),
      nodeSelector: labels,
      tolerations: arr(toleration),
      hostNetwork: bool,
      hostname: str({ format: 'dns1123Label' }),
      subdomain: str({ format: 'dns1123Label' }),
      dnsPolicy: oneOf(['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None']),
      dnsConfig: obj({
        nameservers: strings('ip'),
        searches: strings(),
        options: arr(obj({ name: str(), value: str() })),
      }),
      ...ignoring(
        'volumes',
        'initContainers',
        'ephemeralContainers',
        'restartPolicy',
        'terminationGracePeriodSeconds',
        'activeDeadlineSeconds',
      ),
      ...ignoring('serviceAccountName', 'serviceAccount', 'automountServiceAccountToken', 'hostPID', 'hostIPC', 'shareProcessNamespace'),
      ...ignoring('securityContext', 'imagePullSecrets', 'affinity', 'schedulerName', 'hostAliases', 'priorityClassName', 'priority'),
      ...ignoring('readinessGates', 'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'overhead', 'topologySpreadConstraints'),
      ...ignoring('setHostnameAsFQDN', 'os', 'hostUsers', 'schedulingGates', 'resourceClaims', 'resources'),
    },
    opts,
  );

export const podTemplate: FieldSpec = obj({ metadata: templateMeta, spec: podSpec({ required: true }) }, { required: true });

/** SetDefaults_PodSpec and the container port defaults, plus uniqueness checks from ValidatePodSpec. */
export function finishPodSpec(spec: PodSpec, path: string, c: FinishContext): void {
  spec.dnsPolicy ??= 'ClusterFirst';
  const names = new Set<string>();
  spec.containers.forEach((ctr, i) => {
    if (names.has(ctr.name)) c.report('error', 'field.duplicate', { value: ctr.name }, `${path}.containers.${i}.name`);
    names.add(ctr.name);
    const portNames = new Set<string>();
    ctr.ports?.forEach((p, j) => {
      p.protocol ??= 'TCP';
      if (p.hostPort === 0) delete p.hostPort;
      // With host networking every container port is also a host port (SetDefaults_Pod).
      if (spec.hostNetwork) p.hostPort ??= p.containerPort;
      if (p.name !== undefined) {
        if (portNames.has(p.name)) c.report('error', 'field.duplicate', { value: p.name }, `${path}.containers.${i}.ports.${j}.name`);
        portNames.add(p.name);
      }
    });
    if (ctr.readinessProbe?.httpGet) ctr.readinessProbe.httpGet.path ??= '/';
  });
}

export function finishTemplate(template: PodTemplateSpec, path: string, c: FinishContext): void {
  finishPodSpec(template.spec, `${path}.spec`, c);
}

const podCondition: FieldSpec = obj({
  type: required(str()),
  status: required(oneOf(['True', 'False', 'Unknown'])),
  ...ignoring('lastProbeTime', 'lastTransitionTime', 'reason', 'message', 'observedGeneration'),
});

export const podDecoder: KindDecoder<Pod> = {
  apiVersion: 'v1',
  kind: 'Pod',
  namespaced: true,
  fields: {
    apiVersion: str(),
    kind: str(),
    metadata: objectMeta(),
    spec: podSpec({ required: true }),
    status: obj({
      phase: oneOf(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']),
      podIP: str({ format: 'ip' }),
      podIPs: arr(obj({ ip: required(str({ format: 'ip' })) })),
      hostIP: str({ format: 'ip' }),
      conditions: arr(podCondition),
      ...ignoring('hostIPs', 'message', 'reason', 'nominatedNodeName', 'startTime', 'initContainerStatuses', 'containerStatuses'),
      ...ignoring('qosClass', 'ephemeralContainerStatuses', 'resize', 'resourceClaimStatuses', 'observedGeneration'),
    }),
  },
  finish(pod, c) {
    pod.status ??= {};
    finishPodSpec(pod.spec, 'spec', c);
    return pod;
  },
};
