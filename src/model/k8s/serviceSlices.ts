// Which EndpointSlices belong to a Service: the EndpointSlice controller labels each slice
// with its Service's name, and the slice lives in the Service's namespace.

import type { EndpointSlice, Service } from '../manifest/types';
import { namespaceOf } from './identity';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** The name of the Service a slice belongs to, or undefined for a slice no Service owns. */
export function serviceNameOf(slice: EndpointSlice): string | undefined {
  return slice.metadata.labels?.[SERVICE_NAME_LABEL];
}

export function slicesOfService(service: Service, slices: readonly EndpointSlice[]): EndpointSlice[] {
  const ns = namespaceOf(service);
  return slices.filter((s) => serviceNameOf(s) === service.metadata.name && namespaceOf(s) === ns);
}
