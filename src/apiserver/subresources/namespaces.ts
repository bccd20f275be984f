// The namespace finalize subresource: the namespace controller's write that clears
// spec.finalizers once a terminating namespace is empty, which lets it go. Upstream:
// pkg/registry/core/namespace/storage/storage.go (FinalizeREST).

import type { Namespace } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import type { ResourceRegistry } from '../registry/resource-registry';

export async function finalizeNamespace(registry: ResourceRegistry, name: string, body: KubeObject): Promise<KubeObject> {
  const finalizers = (body as Namespace).spec?.finalizers ?? [];
  return registry.mutate(undefined, name, (object) => {
    const ns = object as Namespace;
    ns.spec = { ...ns.spec, finalizers: [...finalizers] };
    if (finalizers.length === 0) delete ns.spec.finalizers;
  });
}
