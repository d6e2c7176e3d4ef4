// Kubernetes' rules for naming an object, written once: the namespace an object without one
// is in, and the keys the model files objects under.

interface Named {
  metadata: { name: string; namespace?: string };
}

/** An object written without a namespace lands in `default` (the API server's defaulting). */
export function namespaceOf(o: { metadata: { namespace?: string } }): string {
  return o.metadata.namespace ?? 'default';
}

/** `namespace/name`, as kubectl and cache.MetaNamespaceKeyFunc write it. */
export function namespacedName(o: Named): string {
  return `${namespaceOf(o)}/${o.metadata.name}`;
}

/** `Kind/namespace/name`, the namespace empty for cluster-scoped kinds: what ClusterState.origins and .sources are keyed by. */
export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}
