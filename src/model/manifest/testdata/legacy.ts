// Objects in the forms old blog posts still show (the seed article's): MetalLB's pre-v0.13
// ConfigMap and an extensions/v1beta1 Ingress, for fuzzing the converters that answer them.

export const legacyMetalLBYaml = `apiVersion: v1
kind: ConfigMap
metadata:
  namespace: metallb-system
  name: config
data:
  config: |
    peers:
    - peer-address: 10.0.0.1
      peer-asn: 64512
      my-asn: 64512
      node-selectors:
      - match-labels: {kubernetes.io/hostname: worker-1}
    address-pools:
    - name: default
      protocol: bgp
      addresses:
      - 192.168.1.240-192.168.1.250
      bgp-advertisements:
      - aggregation-length: 32
        communities: [no-export]
    bgp-communities:
      no-export: 65535:65281
`;

export const legacyIngressYaml = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: nginx-ingress
  annotations:
    kubernetes.io/ingress.class: nginx
spec:
  backend:
    serviceName: fallback
    servicePort: 80
  rules:
  - host: localhost
    http:
      paths:
      - path: /
        backend:
          serviceName: nginx-service
          servicePort: http
`;
