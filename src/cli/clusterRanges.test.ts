// A learner's own cluster through the command: a k3s dump prints back with the addresses it had,
// and a ClusterConfiguration's ranges reach kube-proxy's rules.
import { describe, expect, it } from 'vitest';
import { runMain as run } from './runCli';

const k3s = 'src/model/cluster/testdata/k3s-dump.yaml';

describe('packetwalk on a cluster with its own ranges', () => {
  it('get -o json keeps a k3s dump’s ClusterIPs, node ports and pod addresses, with no error', async () => {
    const { code, out, err } = await run(['get', '-f', k3s, '-o', 'json']);
    expect(err).not.toMatch(/error|warning/);
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    const ips = Object.fromEntries(
      doc.services.map((s: { metadata: { namespace: string; name: string }; spec: { clusterIP: string } }) => [
        `${s.metadata.namespace}/${s.metadata.name}`,
        s.spec.clusterIP,
      ]),
    );
    expect(ips).toEqual({
      'default/kubernetes': '10.43.0.1',
      'kube-system/kube-dns': '10.43.0.10',
      'kube-system/metrics-server': '10.43.118.27',
      'shop/web': '10.43.52.200',
    });
    const web = doc.pods.filter((p: { metadata: { namespace: string } }) => p.metadata.namespace === 'shop');
    expect(web.map((p: { status: { podIP: string } }) => p.status.podIP).sort()).toEqual(['10.42.1.5', '10.42.2.7']);
  });

  it('iptables uses a ClusterConfiguration’s service range and pod network', async () => {
    const config = `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  serviceSubnet: 172.30.0.0/16
  podSubnet: 10.0.0.0/8
`;
    const { code, out } = await run(['iptables', '-f', '-', '--node', 'worker-1', '--format', 'restore'], config);
    expect(code).toBe(0);
    expect(out).toContain(
      '-A KUBE-SVC-NPX46M4PTMTKRN6Y -m comment --comment "default/kubernetes:https cluster IP" -m tcp -p tcp -d 172.30.0.1 --dport 443 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ',
    );
  });
});
