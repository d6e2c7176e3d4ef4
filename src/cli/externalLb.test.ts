// A dump's LoadBalancer address from a load balancer outside the model, through the command as
// a process: `get` prints the status back, kube-proxy's rules catch the address, and a walk
// from the LAN reaches a pod through the node that load balancer picked.
import { beforeAll, describe, expect, it } from 'vitest';
import { runProcess as run } from './runCli';

const dump = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: default}
spec:
  type: LoadBalancer
  clusterIP: 10.96.5.5
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080, nodePort: 31000}]
status:
  loadBalancer:
    ingress: [{ip: 203.0.113.9}]
---
apiVersion: v1
kind: Service
metadata: {name: elb, namespace: default}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 443, targetPort: 8443}]
status:
  loadBalancer:
    ingress: [{hostname: a1b2c3-1234567890.eu-west-1.elb.amazonaws.com}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
`;

beforeAll(() => void run(['--help']), 120_000);

describe('packetwalk on a LoadBalancer address a load balancer outside the model assigned', () => {
  it('get -o json keeps the address and the hostname the dump gives, and says where they came from', () => {
    const { code, out } = run(['get', '-f', '-', '-o', 'json'], dump);
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    const status = (name: string) => doc.services.find((s: { metadata: { name: string } }) => s.metadata.name === name).status;
    expect(status('web')).toEqual({ loadBalancer: { ingress: [{ ip: '203.0.113.9', ipMode: 'VIP' }] } });
    expect(status('elb')).toEqual({ loadBalancer: { ingress: [{ hostname: 'a1b2c3-1234567890.eu-west-1.elb.amazonaws.com' }] } });
    expect(doc.diagnostics.map((d: { code: string; line: number }) => [d.code, d.line])).toEqual([
      ['metallb.external.kept', 11],
      ['metallb.external.hostname', 22],
    ]);
  });

  it('iptables: kube-proxy catches the address (and writes nothing for the hostname)', () => {
    const { code, out } = run(['iptables', '-f', '-', '--node', 'worker-1', '--format', 'restore'], dump);
    expect(code).toBe(0);
    expect(out).toMatch(
      /^-A KUBE-SERVICES -m comment --comment "default\/web loadbalancer IP" -m tcp -p tcp -d 203\.0\.113\.9 --dport 80 -j KUBE-EXT-\w+$/m,
    );
    expect(out).not.toContain('loadbalancer IP" -m tcp -p tcp -d a1b2c3');
    expect(out.match(/loadbalancer IP/g)).toHaveLength(1);
  });

  it('trace --from client reaches a pod through the node the outside load balancer picked', () => {
    const { code, out } = run(['trace', '-f', '-', '--from', 'client', '--to', '203.0.113.9:80'], dump);
    expect(code).toBe(0);
    expect(out).toMatch(/a load balancer outside PacketWalk holds it: that load balancer is not modelled/);
    expect(out).toMatch(
      /kube-proxy answers it on every node: worker-1, worker-2\); its choice, taken here as a hash of the connection, is worker-\d\./,
    );
    expect(out).toMatch(/^result: delivered {2}service: default\/web {2}endpoint: 10\.244\.\d+\.\d+:8080/m);
  });
});
