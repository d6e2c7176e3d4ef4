// core/v1 Endpoints and discovery.k8s.io/v1 EndpointSlice, as written by hand for
// Services without selectors or dumped from a cluster (kept as given).

import { arr, bool, ignoring, obj, oneOf, port, required, str, strings, type FieldSpec } from '../fieldSpec';
import { isDns1123Subdomain, isIP, isIPv4, isIPv6 } from '../formats';
import type { EndpointSlice, Endpoints } from '../types';
import { PROTOCOLS, type KindDecoder } from './kindDecoder';
import { objectMeta, objectReference } from './meta';

const endpointAddress: FieldSpec = obj({
  ip: required(str({ format: 'ip' })),
  hostname: str({ format: 'dns1123Label' }),
  nodeName: str({ format: 'dns1123Subdomain' }),
  targetRef: objectReference,
});

const endpointPort = (portRequired: boolean): FieldSpec =>
  obj({ name: str({ format: 'portName' }), port: port({ required: portRequired }), protocol: oneOf(PROTOCOLS), appProtocol: str() });

export const endpointsDecoder: KindDecoder<Endpoints> = {
  apiVersion: 'v1',
  kind: 'Endpoints',
  namespaced: true,
  fields: {
    apiVersion: str(),
    kind: str(),
    metadata: objectMeta(),
    subsets: arr(obj({ addresses: arr(endpointAddress), notReadyAddresses: arr(endpointAddress), ports: arr(endpointPort(true)) })),
  },
  finish(ep) {
    for (const subset of ep.subsets ?? []) for (const p of subset.ports ?? []) p.protocol ??= 'TCP';
    return ep;
  },
};

const ADDRESS_CHECKS = { IPv4: isIPv4, IPv6: isIPv6, FQDN: isDns1123Subdomain } as const;

export const endpointSliceDecoder: KindDecoder<EndpointSlice> = {
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  namespaced: true,
  fields: {
    apiVersion: str(),
    kind: str(),
    metadata: objectMeta(),
    addressType: required(oneOf(['IPv4', 'IPv6', 'FQDN'])),
    endpoints: arr(
      obj({
        addresses: { ...strings(), required: true },
        conditions: obj({ ready: bool, serving: bool, terminating: bool }),
        hostname: str({ format: 'dns1123Label' }),
        nodeName: str({ format: 'dns1123Subdomain' }),
        zone: str(),
        targetRef: objectReference,
        ...ignoring('hints', 'deprecatedTopology'),
      }),
    ),
    ports: arr(endpointPort(true)),
  },
  finish(slice, c) {
    // `endpoints: null` is what a dump prints for an empty slice.
    slice.endpoints ??= [];
    slice.ports ??= [];
    const valid = ADDRESS_CHECKS[slice.addressType];
    slice.endpoints = slice.endpoints.filter((ep, i) => {
      ep.conditions ??= {};
      const bad = ep.addresses.findIndex((a) => !valid(a));
      if (ep.addresses.length === 0) c.report('error', 'field.required', {}, `endpoints.${i}.addresses`);
      else if (bad !== -1)
        c.report(
          'error',
          slice.addressType === 'FQDN' || !isIP(ep.addresses[bad]) ? 'field.address' : 'field.addressFamily',
          { value: ep.addresses[bad], addressType: slice.addressType },
          `endpoints.${i}.addresses.${bad}`,
        );
      return ep.addresses.length > 0 && bad === -1;
    });
    // SetDefaults_EndpointPort (discovery/v1): name "" and protocol TCP.
    for (const p of slice.ports) {
      p.name ??= '';
      p.protocol ??= 'TCP';
    }
    return slice;
  },
};
