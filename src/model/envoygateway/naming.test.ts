import { describe, expect, it } from 'vitest';
import { containerPort, hashedName, proxyName, servicePortName } from './naming';

describe("Envoy Gateway's names", () => {
  it('hashes as internal/utils/misc_test.go TestGetHashedName expects', () => {
    expect(hashedName('http', 6)).toBe('http-e0603c49');
    expect(hashedName('namespace/name', 10)).toBe('namespace-18a6500f');
    expect(hashedName('envoy-gateway-system/eg/http', 6)).toBe('envoy-2ecf157b');
  });

  it('names the proxy of Gateway default/eg as the docs show it in kubectl get svc', () => {
    expect(proxyName('default', 'eg')).toBe('envoy-default-eg-e41e7b31');
    expect(proxyName('default', 'eg-2')).toBe('envoy-default-eg-2-7e515b2f');
  });

  it('keeps at most 48 characters of namespace and name before the hash, without a hyphen at the cut', () => {
    const name = proxyName('default', 'a-very-long-gateway-name-that-goes-past-the-limit-of-48');
    expect(name).toBe('envoy-default-a-very-long-gateway-name-that-goes-past-a6342ee0');
  });

  it('moves well-known ports 10000 up so Envoy binds them unprivileged, and names Service ports by protocol', () => {
    expect([80, 443, 1023, 1024, 8080].map(containerPort)).toEqual([10080, 10443, 11023, 1024, 8080]);
    expect(servicePortName('HTTPS', 443)).toBe('https-443');
  });
});
