// A PATCH as the API server runs it: read the patch once, apply it to the current object and
// update, and when another writer got in between (a Conflict the client did not ask for by
// naming a resourceVersion) apply it again to the fresh object. Upstream:
// staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go (patchResource).

import type { KubeObject } from '../../api/meta';
import type { DecodedObject } from '../body';
import { ApiError } from '../errors';
import { parseWriteOptions } from '../registry/options';
import type { ApiRequest } from '../request';
import type { HandlerContext } from '../resource-handler';
import { applyPatch, parsePatch } from './apply-patch';

const MAX_ATTEMPTS = 5;

function names(patch: unknown, field: string): boolean {
  return JSON.stringify(patch ?? null).includes(`"${field}"`);
}

/** Patches `name` (or its status) and returns the stored result with any field warnings. */
export async function patchWithRetry(ctx: HandlerContext, req: ApiRequest, namespace: string | undefined, name: string, subresource: '' | 'status'): Promise<DecodedObject> {
  const { registry } = ctx;
  const options = parseWriteOptions(req.query);
  const parsed = await parsePatch(req);
  const pinned = names(parsed.patch, 'resourceVersion');
  for (let attempt = 1; ; attempt++) {
    const current: KubeObject = registry.get(namespace, name);
    const { object, warnings } = applyPatch(parsed, current, registry.type, options.fieldValidation);
    try {
      const written = { ...options, warnings: [] };
      const result = await registry.update(namespace, name, object, written, subresource);
      return { object: result.object, warnings: [...warnings, ...written.warnings] };
    } catch (error) {
      const conflict = error instanceof ApiError && error.status.reason === 'Conflict';
      if (!conflict || pinned || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
