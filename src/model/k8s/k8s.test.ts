import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Pod, Service } from '../manifest/types';
import { isPodReady, namespacedName, objectKey, slicesOfService } from '.';

const service = (name: string, namespace?: string) =>
  ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { ports: [] } }) as unknown as Service;
const slice = (name: string, owner: string | undefined, namespace?: string) =>
  ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, namespace, labels: owner ? { 'kubernetes.io/service-name': owner } : {} },
    addressType: 'IPv4',
    endpoints: [],
  }) as unknown as EndpointSlice;
const pod = (conditions: { type: string; status: string }[]) =>
  ({ metadata: { name: 'web' }, spec: {}, status: { conditions } }) as unknown as Pod;

describe('Kubernetes identity', () => {
  it('files an object written without a namespace under default', () => {
    expect(namespacedName(service('web'))).toBe('default/web');
    expect(namespacedName(service('web', 'shop'))).toBe('shop/web');
    expect(objectKey('Node', undefined, 'worker-1')).toBe('Node//worker-1');
  });

  it('gives a Service the slices labelled with its name in its own namespace only', () => {
    const slices = [
      slice('web-abc', 'web'),
      slice('web-def', 'web', 'default'),
      slice('web-shop', 'web', 'shop'),
      slice('api-x', 'api'),
      slice('orphan', undefined),
    ];
    expect(slicesOfService(service('web'), slices).map((s) => s.metadata.name)).toEqual(['web-abc', 'web-def']);
    expect(slicesOfService(service('web', 'shop'), slices).map((s) => s.metadata.name)).toEqual(['web-shop']);
  });

  it('counts a pod ready only when its Ready condition is True', () => {
    expect(isPodReady(pod([{ type: 'Ready', status: 'True' }]))).toBe(true);
    expect(
      isPodReady(
        pod([
          { type: 'Ready', status: 'False' },
          { type: 'ContainersReady', status: 'True' },
        ]),
      ),
    ).toBe(false);
    expect(isPodReady(pod([]))).toBe(false);
  });
});
