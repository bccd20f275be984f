// The objects `kubectl replace -f` names, each resolved to its resource and namespace. What
// cannot be resolved (a kind the server does not serve, a namespace contradicting -n) is kept
// as an error to report after those of the objects acted on, where kubectl's builder puts it.
// An object without a name is refused before any request, as client-go refuses it.

import type { KubectlContext } from '../../context';
import { KubectlError } from '../../errors';
import { isUnreadable, readManifests } from '../../manifests/read-manifests';
import { resolveManifest, type ResolvedManifest } from '../../manifests/resolve-manifest';

export interface ResolvedFiles {
  manifests: ResolvedManifest[];
  errors: unknown[];
}

export async function resolveFiles(ctx: KubectlContext, paths: string[], recursive: boolean, namespace: string, namespaceExplicit: boolean): Promise<ResolvedFiles> {
  const resolved: ResolvedFiles = { manifests: [], errors: [] };
  for (const manifest of await readManifests(ctx, paths, recursive)) {
    if (isUnreadable(manifest)) {
      resolved.errors.push(manifest.unreadable);
      continue;
    }
    try {
      resolved.manifests.push(await resolveManifest(ctx, manifest, namespace, namespaceExplicit));
    } catch (error) {
      resolved.errors.push(error);
    }
  }
  return resolved;
}

/** Throws kubectl's error when `manifest` names no object to `verb` ("replacing", "deleting"). */
export function requireName(manifest: ResolvedManifest, verb: string): void {
  if (!manifest.name) throw new KubectlError(`error: error when ${verb} "${manifest.source}": resource name may not be empty`);
}
