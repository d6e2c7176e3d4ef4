import { describe, expect, it } from 'vitest';
import { endpointChain, portProtoHash, serviceChains, servicePortName } from './chainNames';

describe('chain names', () => {
  it('reproduce the seed article: an older kube-proxy hashed "default/hostnames:" + "tcp"', () => {
    // 004_*: -A KUBE-SERVICES ... -j KUBE-SVC-NWV5X2332I4OT4T3 (port unnamed, old "%s:%s" format)
    expect(portProtoHash('default/hostnames:', 'tcp')).toBe('NWV5X2332I4OT4T3');
  });

  it('current kube-proxy drops the colon for an unnamed port, so the same Service hashes differently', () => {
    expect(servicePortName('default', 'hostnames', undefined)).toBe('default/hostnames');
    expect(serviceChains('default/hostnames', 'tcp').cluster).toBe('KUBE-SVC-YN5D6RYVEVZOH44Q');
  });

  it('give the well-known names of the built-in Services', () => {
    expect(serviceChains(servicePortName('default', 'kubernetes', 'https'), 'tcp').cluster).toBe('KUBE-SVC-NPX46M4PTMTKRN6Y');
    expect(serviceChains('kube-system/kube-dns:dns', 'udp').cluster).toBe('KUBE-SVC-TCOU7JCQXEZGVUNU');
    expect(serviceChains('kube-system/kube-dns:dns-tcp', 'tcp').cluster).toBe('KUBE-SVC-ERIFXISQEP7F7OF4');
  });

  it('share one hash across SVC, SVL, EXT and FW and match upstream test names', () => {
    expect(serviceChains('ns2/svc2:p80', 'tcp')).toEqual({
      cluster: 'KUBE-SVC-GNZBNJ2PO5MGZ6GT',
      local: 'KUBE-SVL-GNZBNJ2PO5MGZ6GT',
      external: 'KUBE-EXT-GNZBNJ2PO5MGZ6GT',
      firewall: 'KUBE-FW-GNZBNJ2PO5MGZ6GT',
    });
    // proxier_test.go: ns1/svc1:p80 endpoint 10.180.0.1:80 -> KUBE-SEP-SXIVWICOYRO3J4NJ
    expect(endpointChain('ns1/svc1:p80', 'tcp', '10.180.0.1:80')).toBe('KUBE-SEP-SXIVWICOYRO3J4NJ');
  });

  it('differ by protocol for the same port name', () => {
    expect(serviceChains('ns/dns:53', 'udp').cluster).not.toBe(serviceChains('ns/dns:53', 'tcp').cluster);
  });
});
