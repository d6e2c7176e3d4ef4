import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { etcHosts } from './etcHosts';
import { resolve } from './resolve';
import { clusterOf, podOf } from './testClusters';

const s = clusterOf(readFileSync(join(__dirname, '../../../public/scenarios/dns-headless-statefulset.yaml'), 'utf8'));

describe("a pod's /etc/hosts", () => {
  it("holds kubelet's localhost lines and the pod's own address under its FQDN and hostname", () => {
    const pod = podOf(s, 'web-1');
    expect(etcHosts(s, pod).text).toBe(
      '# Kubernetes-managed hosts file.\n' +
        '127.0.0.1\tlocalhost\n' +
        '::1\tlocalhost ip6-localhost ip6-loopback\n' +
        'fe00::0\tip6-localnet\n' +
        'fe00::0\tip6-mcastprefix\n' +
        'fe00::1\tip6-allnodes\n' +
        'fe00::2\tip6-allrouters\n' +
        `${pod.status.podIP}\tweb-1.web.default.svc.cluster.local web-1\n`,
    );
  });

  it("answers localhost and the pod's own names before any DNS query", () => {
    const pod = podOf(s, 'web-1');
    expect(resolve(s, pod, 'localhost')).toMatchObject({ status: 'hosts', addresses: ['127.0.0.1'], queries: [] });
    expect(resolve(s, pod, 'web-1')).toMatchObject({ status: 'hosts', addresses: [pod.status.podIP] });
    // Another pod's name is not in this file: it takes DNS.
    expect(resolve(s, pod, 'web-0.web')).toMatchObject({ status: 'answered', answeredBy: 1 });
  });
});
