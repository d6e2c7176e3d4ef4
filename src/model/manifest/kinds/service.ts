// core/v1 Service: fields, SetDefaults_Service, and the ValidateService checks that
// span fields (Kubernetes v1.31; the address checks as v1.33 makes them, nonStandard.ts).

import { arr, bool, ignoring, int, labels, obj, oneOf, port, str, strings, type FieldSpec } from '../fieldSpec';
import { isCIDR, isDns1123Subdomain, isIP } from '../formats';
import type { Service } from '../types';
import { PROTOCOLS, type KindDecoder } from './kindDecoder';
import { objectMeta } from './meta';
import { warnNonStandard } from './nonStandard';

const servicePort: FieldSpec = obj({
  name: str({ format: 'portName' }),
  protocol: oneOf(PROTOCOLS),
  appProtocol: str(),
  port: port({ required: true }),
  targetPort: { type: 'intOrString', min: 0, max: 65535, format: 'portName' },
  nodePort: int(0, 65535),
});

const DEFAULT_CLIENT_IP_TIMEOUT = 10800;

export const serviceDecoder: KindDecoder<Service> = {
  apiVersion: 'v1',
  kind: 'Service',
  namespaced: true,
  fields: {
    apiVersion: str(),
    kind: str(),
    metadata: objectMeta('dns1035Label'),
    spec: obj({
      type: oneOf(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']),
      selector: labels,
      ports: arr(servicePort),
      clusterIP: str(),
      clusterIPs: strings(),
      ipFamilies: arr(oneOf(['IPv4', 'IPv6'])),
      ipFamilyPolicy: oneOf(['SingleStack', 'PreferDualStack', 'RequireDualStack']),
      externalName: str(),
      externalIPs: strings('ip'),
      sessionAffinity: oneOf(['None', 'ClientIP']),
      sessionAffinityConfig: obj({ clientIP: obj({ timeoutSeconds: int(1, 86400) }) }),
      externalTrafficPolicy: oneOf(['Cluster', 'Local']),
      internalTrafficPolicy: oneOf(['Cluster', 'Local']),
      healthCheckNodePort: int(0, 65535),
      loadBalancerIP: str({ format: 'ip' }),
      loadBalancerSourceRanges: strings(),
      loadBalancerClass: str(),
      allocateLoadBalancerNodePorts: bool,
      publishNotReadyAddresses: bool,
      ...ignoring('trafficDistribution'),
    }),
    status: obj({
      loadBalancer: obj({
        ingress: arr(obj({ ip: str({ format: 'ip' }), hostname: str(), ipMode: oneOf(['VIP', 'Proxy']), ...ignoring('ports') })),
      }),
      ...ignoring('conditions'),
    }),
  },
  finish(svc, c) {
    // A Service without spec is still valid YAML to type; the API defaults it all.
    const spec = (svc.spec ??= {} as Service['spec']);
    spec.type ??= 'ClusterIP';
    spec.sessionAffinity ??= 'None';
    spec.ports ??= [];
    svc.status ??= { loadBalancer: {} };
    svc.status.loadBalancer ??= {};

    if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
    else if (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined)
      spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_TIMEOUT } };

    const externallyAccessible =
      spec.type === 'NodePort' || spec.type === 'LoadBalancer' || (spec.type === 'ClusterIP' && (spec.externalIPs?.length ?? 0) > 0);
    if (externallyAccessible) spec.externalTrafficPolicy ??= 'Cluster';
    if (spec.type !== 'ExternalName') spec.internalTrafficPolicy ??= 'Cluster';
    if (spec.type === 'LoadBalancer') {
      spec.allocateLoadBalancerNodePorts ??= true;
      for (const ing of svc.status.loadBalancer.ingress ?? []) if (ing.ip) ing.ipMode ??= 'VIP';
    }

    const headless = spec.clusterIP === 'None';
    if (spec.clusterIP !== undefined && !headless && !isIP(spec.clusterIP)) {
      c.report('error', 'field.ip', { value: spec.clusterIP }, 'spec.clusterIP');
      delete spec.clusterIP;
    }
    spec.clusterIPs?.forEach((ip, i) => {
      if (ip !== 'None' && !isIP(ip)) c.report('error', 'field.ip', { value: ip }, `spec.clusterIPs.${i}`);
    });
    if (spec.clusterIPs && spec.clusterIPs.some((ip) => ip !== 'None' && !isIP(ip))) delete spec.clusterIPs;
    if (spec.clusterIP !== undefined && spec.clusterIPs?.length && spec.clusterIPs[0] !== spec.clusterIP)
      c.report('error', 'service.clusterIPsMismatch', { value: spec.clusterIPs[0], clusterIP: spec.clusterIP }, 'spec.clusterIPs.0');
    // The value (a CNAME) may end with a dot, written fully qualified; the rest must be a DNS subdomain.
    const cname = spec.externalName?.replace(/\.$/, '');
    if (cname !== undefined && cname !== '' && !isDns1123Subdomain(cname)) {
      c.report('error', 'field.dns1123Subdomain', { value: spec.externalName! }, 'spec.externalName');
      delete spec.externalName;
    }
    if (spec.type === 'ExternalName' && !cname) c.report('error', 'field.required', {}, 'spec.externalName');
    // Space-padded entries are allowed (a leftover of the annotation they replaced): trimmed for the check, kept as written.
    spec.loadBalancerSourceRanges = spec.loadBalancerSourceRanges?.filter((range, i) => {
      if (isCIDR(range.trim())) return true;
      c.report('error', 'field.cidr', { value: range }, `spec.loadBalancerSourceRanges.${i}`);
      return false;
    });
    if (spec.loadBalancerSourceRanges === undefined) delete spec.loadBalancerSourceRanges;
    warnNonStandard(spec, c);
    if (spec.type !== 'ExternalName' && !headless && spec.ports.length === 0 && !c.written('spec.ports'))
      c.report('error', 'field.required', {}, c.written('spec') ? 'spec.ports' : 'spec');

    const names = new Set<string>();
    const keys = new Set<string>();
    spec.ports.forEach((p, i) => {
      p.protocol ??= 'TCP';
      if (p.targetPort === undefined || p.targetPort === 0) p.targetPort = p.port;
      if (p.nodePort === 0) delete p.nodePort;
      if (p.nodePort !== undefined && spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') {
        c.report('error', 'service.nodePortForbidden', { type: spec.type }, `spec.ports.${i}.nodePort`);
        delete p.nodePort;
      }
      if (spec.ports.length > 1 && p.name === undefined) c.report('error', 'field.required', {}, `spec.ports.${i}.name`);
      if (p.name !== undefined) {
        if (names.has(p.name)) c.report('error', 'field.duplicate', { value: p.name }, `spec.ports.${i}.name`);
        names.add(p.name);
      }
      const key = `${p.port}/${p.protocol}`;
      if (keys.has(key)) c.report('error', 'field.duplicate', { value: key }, `spec.ports.${i}`);
      keys.add(key);
    });
    return svc;
  },
};
