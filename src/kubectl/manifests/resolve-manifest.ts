// Where a manifest's object lives: its resource (from discovery) and namespace, with kubectl's
// errors for kinds the server does not serve and namespaces that contradict -n. Commands that
// go on past objects they cannot handle (get, delete) get an unserved kind or a document that
// cannot be parsed as an error in line with the objects and carry on, as the builder's
// ContinueOnError does.
// Upstream: staging/src/k8s.io/cli-runtime/pkg/resource/mapper.go and builder.go.

import type { KubeObject } from '../../api/meta';
import type { ResourceType } from '../../api/scheme';
import type { KubectlContext } from '../context';
import { KubectlError } from '../errors';
import { isUnreadable, readManifests, type Manifest } from './read-manifests';

export interface ResolvedManifest extends Manifest {
  type: ResourceType;
  namespace?: string;
  name: string;
}

/** A manifest of a kind the server does not serve: the rest of the files are still handled. */
export class UnmappedKindError extends KubectlError {}

export async function resolveManifest(ctx: KubectlContext, manifest: Manifest, namespace: string, namespaceExplicit: boolean): Promise<ResolvedManifest> {
  const { object, source } = manifest;
  const name = object.metadata?.name ?? '';
  const apiVersion = object.apiVersion ?? '';
  const kind = object.kind ?? '';
  if (!kind) throw new KubectlError(`error: unable to decode "${source}": Object 'Kind' is missing in '${JSON.stringify(object)}'`);
  if (!apiVersion) throw new KubectlError(`error: unable to decode "${source}": Object 'apiVersion' is missing in '${JSON.stringify(object)}'`);
  const type = await ctx.mapper.forKind(apiVersion, kind);
  if (!type) {
    const objectNamespace = object.metadata?.namespace ?? '';
    throw new UnmappedKindError(`error: resource mapping not found for name: "${name}" namespace: "${objectNamespace}" from "${source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`);
  }
  if (!type.namespaced) return { ...manifest, type, name };
  const own = object.metadata?.namespace;
  if (own && namespaceExplicit && own !== namespace) {
    throw new KubectlError(`error: the namespace from the provided object "${own}" does not match the namespace "${namespace}". You must pass '--namespace=${own}' to perform this operation.`);
  }
  return { ...manifest, type, name, namespace: own || namespace };
}

/** A copy of the manifest's object with the namespace it goes to written in, as the builder sets it. */
export function placedObject(resolved: ResolvedManifest): KubeObject {
  const object: KubeObject = { ...resolved.object, metadata: { ...resolved.object.metadata } };
  if (resolved.type.namespaced && !object.metadata.namespace) object.metadata.namespace = resolved.namespace;
  return object;
}

/** What cannot be handled but does not stop the others: an unserved kind, an unparsable document. */
export interface SkippedManifest {
  skipped: KubectlError;
}

/** Every object the paths hold, each resolved or skipped with its error; in file order. */
export async function resolveEachManifest(
  ctx: KubectlContext,
  paths: readonly string[],
  recursive: boolean,
  namespace: string,
  namespaceExplicit: boolean,
): Promise<(ResolvedManifest | SkippedManifest)[]> {
  const results: (ResolvedManifest | SkippedManifest)[] = [];
  for (const entry of await readManifests(ctx, paths, recursive)) {
    if (isUnreadable(entry)) {
      results.push({ skipped: entry.unreadable });
      continue;
    }
    try {
      results.push(await resolveManifest(ctx, entry, namespace, namespaceExplicit));
    } catch (error) {
      if (!(error instanceof UnmappedKindError)) throw error;
      results.push({ skipped: error });
    }
  }
  return results;
}

/**
 * Every object the paths hold, each resolved, and apart from them, in order, what could not be
 * read or resolved: the resource builder's own errors, which commands that act on each object
 * report after their actions' (see visitErrors).
 */
export interface ResolvedFiles {
  manifests: ResolvedManifest[];
  errors: unknown[];
}

export async function resolveFiles(ctx: KubectlContext, paths: readonly string[], recursive: boolean, namespace: string, namespaceExplicit: boolean): Promise<ResolvedFiles> {
  const resolved: ResolvedFiles = { manifests: [], errors: [] };
  for (const entry of await readManifests(ctx, paths, recursive)) {
    if (isUnreadable(entry)) {
      resolved.errors.push(entry.unreadable);
      continue;
    }
    try {
      resolved.manifests.push(await resolveManifest(ctx, entry, namespace, namespaceExplicit));
    } catch (error) {
      resolved.errors.push(error);
    }
  }
  return resolved;
}

/** Every object the paths hold, each resolved; the first that cannot be fails the whole read. */
export async function resolveManifests(ctx: KubectlContext, paths: readonly string[], recursive: boolean, namespace: string, namespaceExplicit: boolean): Promise<ResolvedManifest[]> {
  const resolved: ResolvedManifest[] = [];
  for (const entry of await readManifests(ctx, paths, recursive)) {
    if (isUnreadable(entry)) throw entry.unreadable;
    resolved.push(await resolveManifest(ctx, entry, namespace, namespaceExplicit));
  }
  return resolved;
}
