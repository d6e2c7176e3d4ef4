// Synthetic manifests for the benchmarks: N Deployments with a Service each.
export function manyServices(services: number, replicas: number, nodes = 0): string {
  const docs: string[] = [];
  for (let i = 0; i < nodes; i++) {
    docs.push(`apiVersion: v1
kind: Node
metadata:
  name: node-${i}
status:
  addresses:
  - type: InternalIP
    address: 192.168.${Math.floor(i / 200) + 1}.${(i % 200) + 10}`);
  }
  for (let i = 0; i < services; i++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      containers:
      - name: app
        image: registry.example/app:${i}
        ports:
        - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: app-${i}
spec:
  selector:
    app: app-${i}
  ports:
  - name: http
    port: 80
    targetPort: 8080`);
  }
  return docs.join('\n---\n') + '\n';
}
