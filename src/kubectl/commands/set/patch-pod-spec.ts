// How `kubectl set` subcommands send a changed pod spec: the difference between the object as
// read and the changed copy, as a strategic merge patch; then `kind/name OPERATION` (marked for
// dry runs) or the -o format. An object the change leaves as it was is neither sent nor printed,
// as upstream's CalculatePatches skips an empty patch.

import type { KubeObject } from '../../../api/meta';
import { resourcePath } from '../../../api/scheme';
import type { KubectlContext } from '../../context';
import { flagString, type ParsedFlags } from '../../flags';
import { patchMetaFor } from '../../patch-meta';
import { printChanged } from '../../printers/change-output';
import type { OutputFormat } from '../../printers/output';
import type { Target } from '../../targets';
import { twoWayPatch } from '../apply/three-way-patch';
import { dryRunOf } from '../create/submit';

/** Sends `modified` (a changed copy of `target.object`) and prints the result; `wrap` words a failed patch. */
export async function sendPodSpecChange(
  ctx: KubectlContext,
  flags: ParsedFlags,
  target: Target,
  modified: KubeObject,
  operation: string,
  format: OutputFormat | undefined,
  wrap: (error: unknown) => unknown = (error) => error,
): Promise<void> {
  const patch = twoWayPatch(target.object as unknown as Record<string, unknown>, modified as unknown as Record<string, unknown>, patchMetaFor(target.type));
  if (Object.keys(patch).length === 0) return;
  const dryRun = dryRunOf(flags);
  let result = modified;
  if (dryRun !== 'client') {
    try {
      result = await ctx.client.send<KubeObject>({
        method: 'PATCH',
        path: resourcePath(target.type, target.namespace, target.name),
        query: { fieldManager: flagString(flags, 'field-manager'), ...(dryRun === 'server' ? { dryRun: 'All' } : {}) },
        body: patch,
        headers: { 'content-type': 'application/strategic-merge-patch+json' },
      });
    } catch (error) {
      throw wrap(error);
    }
  }
  ctx.stdout(await printChanged(format, result, operation, dryRun));
}
