// The update `kubectl replace` sends (resource.Helper.Replace): a PUT of the object as the file
// has it; when the file names no resourceVersion, the live one is filled in first, so the file
// overwrites whatever is there, where a file that names one is refused once the object changed.
// Upstream: staging/src/k8s.io/cli-runtime/pkg/resource/helper.go (Replace).

import type { KubeObject } from '../../../api/meta';
import type { KubectlContext } from '../../context';

/** PUTs `object` to `path` (the object or its subresource) with the update's query. */
export async function putObject(ctx: KubectlContext, path: string, object: KubeObject, query: Record<string, string>): Promise<KubeObject> {
  let body = object;
  if (!object.metadata.resourceVersion) {
    // A failed read leaves the PUT to report what is wrong (a missing object, mostly).
    const live = await ctx.client.send<KubeObject>({ method: 'GET', path }).catch(() => undefined);
    if (live) body = { ...object, metadata: { ...object.metadata, resourceVersion: live.metadata.resourceVersion } };
  }
  return ctx.client.send<KubeObject>({ method: 'PUT', path, query, body, headers: { 'content-type': 'application/json' } });
}
