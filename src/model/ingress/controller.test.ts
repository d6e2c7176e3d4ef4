import { describe, expect, it } from 'vitest';
import { reconcile } from '../cluster/reconcile';
import type { Deployment, IngressClass, Service } from '../manifest/types';
import { bringsIngressNginx, ingressNginxObjects } from './controller';

describe('ingressNginxObjects', () => {
  it('is the deploy.yaml controller: 1 replica with http/https/webhook ports, its Services and IngressClass nginx', () => {
    const objects = ingressNginxObjects({ serviceType: 'LoadBalancer' });
    expect(objects.map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual([
      'Namespace/ingress-nginx',
      'Service/ingress-nginx-controller',
      'Service/ingress-nginx-controller-admission',
      'Deployment/ingress-nginx-controller',
      'IngressClass/nginx',
    ]);
    const deploy = objects.find((o): o is Deployment => o.kind === 'Deployment')!;
    expect(deploy.spec.replicas).toBe(1);
    expect(deploy.spec.template.metadata?.labels).toMatchObject({
      'app.kubernetes.io/name': 'ingress-nginx',
      'app.kubernetes.io/component': 'controller',
    });
    expect(deploy.spec.template.spec.containers[0].ports?.map((p) => `${p.name}:${p.containerPort}`)).toEqual([
      'http:80',
      'https:443',
      'webhook:8443',
    ]);
    const svc = objects.find((o): o is Service => o.kind === 'Service')!;
    expect(svc.spec).toMatchObject({ type: 'LoadBalancer', externalTrafficPolicy: 'Local' });
    expect(objects.find((o): o is IngressClass => o.kind === 'IngressClass')?.spec.controller).toBe('k8s.io/ingress-nginx');
  });

  it('falls back to the bare-metal NodePort Service, and can mark the class default', () => {
    const objects = ingressNginxObjects({ serviceType: 'NodePort', defaultClass: true });
    const svc = objects.find((o): o is Service => o.kind === 'Service')!;
    expect(svc.spec.type).toBe('NodePort');
    expect(svc.spec.externalTrafficPolicy).toBeUndefined();
    expect(objects.find((o) => o.kind === 'IngressClass')?.metadata.annotations).toEqual({
      'ingressclass.kubernetes.io/is-default-class': 'true',
    });
  });

  it('reconciles into a running controller pod behind a NodePort Service whose targetPorts name the container ports', () => {
    const state = reconcile(
      ingressNginxObjects({ serviceType: 'NodePort' }).map((object) => ({
        object,
        source: { file: '', pos: { file: '', offset: 0, line: 1, col: 1 }, at: () => ({ file: '', offset: 0, line: 1, col: 1 }) },
      })),
    );
    const pods = state.pods.filter((p) => p.metadata.namespace === 'ingress-nginx');
    expect(pods).toHaveLength(1);
    const slice = state.endpointSlices.find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'ingress-nginx-controller')!;
    expect(slice.ports.map((p) => `${p.name}:${p.port}`).sort()).toEqual(['http:80', 'https:443']);
    expect(
      state.services.find((s) => s.metadata.name === 'ingress-nginx-controller')?.spec.ports.every((p) => p.nodePort !== undefined),
    ).toBe(true);
  });

  it('is installed by an Ingress, an IngressClass of ingress-nginx or its deploy manifest, not by another controller', () => {
    const installed = ingressNginxObjects({ serviceType: 'NodePort' }).filter(bringsIngressNginx);
    expect(installed.map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual(['Deployment/ingress-nginx-controller', 'IngressClass/nginx']);
    expect(bringsIngressNginx({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'x' }, spec: {} })).toBe(true);
    const traefik = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 't' },
      spec: { controller: 'traefik.io/ingress-controller' },
    };
    expect(bringsIngressNginx(traefik as IngressClass)).toBe(false);
  });
});
