// Kubernetes identity on the model's objects floor: namespaces, keys, a Service's slices, pod readiness.

export { namespacedName, namespaceOf, objectKey } from './identity';
export { isPodReady } from './podReady';
export { SERVICE_NAME_LABEL, serviceNameOf, slicesOfService } from './serviceSlices';
