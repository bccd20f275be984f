// What `kubectl replace -f` requires of each object it names: a name, which client-go needs
// before it can send any request.

import { KubectlError } from '../../errors';
import type { ResolvedManifest } from '../../manifests/resolve-manifest';

/** Throws kubectl's error when `manifest` names no object to `verb` ("replacing", "deleting"). */
export function requireName(manifest: ResolvedManifest, verb: string): void {
  if (!manifest.name) throw new KubectlError(`error: error when ${verb} "${manifest.source}": resource name may not be empty`);
}
