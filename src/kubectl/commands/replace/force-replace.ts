// `kubectl replace --force`: deletes every object the files name (a missing one is fine),
// prints `kind "name" deleted`, waits until each is gone (up to --timeout, five minutes by
// default; with --wait or --grace-period=0 first as kubectl delete waits), then creates them
// again and prints `kind/name replaced`. Nothing is created when a deletion failed.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/replace/replace.go (forceReplace) and
// delete/delete.go (DeleteResult).

import type { KubeObject } from '../../../api/meta';
import { resourcePath } from '../../../api/scheme';
import { isNotFound } from '../../../client/client';
import type { KubectlContext } from '../../context';
import { waitUntil } from '../../deadline';
import { KubectlError, reportErrors, withFileContext } from '../../errors';
import { placedObject, type ResolvedManifest } from '../../manifests/resolve-manifest';
import { printChanged } from '../../printers/change-output';
import { kindName } from '../../resource-mapper';
import { withSavedConfig } from '../apply/last-applied';
import type { ForceDeletion, ReplaceOptions } from './options';
import type { ResolvedFiles } from '../../manifests/resolve-manifest';
import { requireName } from './resolve-files';

const WAIT_FOR_DELETION_MS = 168 * 3_600_000;
const WAIT_UNTIL_GONE_MS = 5 * 60_000;

interface Deleted {
  manifest: ResolvedManifest;
  uid?: string;
}

async function deleteAll(ctx: KubectlContext, manifests: ResolvedManifest[], deletion: ForceDeletion, namesOnly: boolean): Promise<{ deleted: Deleted[]; errors: unknown[]; missing: number }> {
  const deleted: Deleted[] = [];
  const errors: unknown[] = [];
  let missing = 0;
  for (const manifest of manifests) {
    const { type, namespace, name } = manifest;
    try {
      requireName(manifest, 'deleting');
      const result = await ctx.client.delete(type, namespace, name, { propagationPolicy: deletion.propagationPolicy, gracePeriodSeconds: deletion.gracePeriodSeconds });
      deleted.push({ manifest, uid: (result as KubeObject).metadata?.uid ?? (result as { details?: { uid?: string } }).details?.uid });
      ctx.stdout(namesOnly ? `${kindName(type)}/${name}\n` : `${kindName(type)} "${name}" deleted\n`);
    } catch (error) {
      if (isNotFound(error)) missing++;
      else errors.push(withFileContext(error, 'deleting', manifest.source));
    }
  }
  return { deleted, errors, missing };
}

async function waitUntilGone(ctx: KubectlContext, deleted: Deleted[], manifests: ResolvedManifest[], deletion: ForceDeletion): Promise<void> {
  if (deletion.waitForDeletion) {
    for (const { manifest, uid } of deleted) {
      const shown = `${manifest.type.resource}${manifest.type.group ? `.${manifest.type.group}` : ''}/${manifest.name}`;
      const gone = (object: KubeObject | undefined) => object === undefined || (uid !== undefined && object.metadata.uid !== uid);
      await waitUntil(ctx, manifest, deletion.timeoutMs || WAIT_FOR_DELETION_MS, `error: timed out waiting for the condition on ${shown}`, gone);
    }
  }
  for (const manifest of manifests) await waitUntil(ctx, manifest, deletion.timeoutMs || WAIT_UNTIL_GONE_MS, 'error: context deadline exceeded', (object) => object === undefined);
}

async function createAll(ctx: KubectlContext, manifests: ResolvedManifest[], options: ReplaceOptions): Promise<unknown[]> {
  const errors: unknown[] = [];
  for (const manifest of manifests) {
    try {
      const object = withSavedConfig(placedObject(manifest), options.saveConfig);
      delete object.metadata.resourceVersion;
      const query = { fieldManager: options.fieldManager, fieldValidation: options.fieldValidation };
      const created = await ctx.client.send<KubeObject>({ method: 'POST', path: resourcePath(manifest.type, manifest.namespace), query, body: object, headers: { 'content-type': 'application/json' } });
      ctx.stdout(await printChanged(options.format, created, 'replaced', 'none'));
    } catch (error) {
      errors.push(error);
    }
  }
  return errors;
}

export async function forceReplace(ctx: KubectlContext, files: ResolvedFiles, deletion: ForceDeletion, options: ReplaceOptions): Promise<number> {
  const { deleted, errors, missing } = await deleteAll(ctx, files.manifests, deletion, options.format?.kind === 'name');
  const failures = [...errors, ...files.errors];
  // Deletions of missing objects failed too, only forgiven: with them, kubectl lists what is left.
  if (failures.length > 0) return reportErrors(ctx, failures, failures.length + missing > 1);
  if (files.manifests.length === 0) ctx.stdout('No resources found\n');
  await waitUntilGone(ctx, deleted, files.manifests, deletion);
  const createErrors = await createAll(ctx, files.manifests, options);
  if (createErrors.length > 0) return reportErrors(ctx, createErrors);
  if (files.manifests.length === 0) throw new KubectlError('error: no objects passed to replace');
  return 0;
}
