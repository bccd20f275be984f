// kubectl get -f: the objects the files hold, each fetched again from the server by kind, name
// and namespace (the object's own, else -n), in file order. An object without a name is not
// fetched: it is shown as the file has it (as a NAME/AGE row in tables). -l filters what was
// fetched, so it sees no labels on Tables. Upstream: staging/src/k8s.io/cli-runtime/pkg/resource
// builder.go (visitByPaths) and visitor.go (SetNamespace, RetrieveLatest, FilteredVisitor).

import { age } from '../../api/duration';
import { matches, parseSelector } from '../../api/labels';
import type { KubeObject } from '../../api/meta';
import { resourcePath } from '../../api/scheme';
import { column, type Table } from '../../apiserver/tables/table';
import { StatusError } from '../../client/client';
import type { KubectlContext } from '../context';
import { KubectlError } from '../errors';
import { flagArray, flagBool, flagString, type ParsedFlags } from '../flags';
import { placedObject, resolveEachManifest, resolveManifests, type ResolvedManifest } from '../manifests/resolve-manifest';
import type { ResourceSelection } from '../resource-args';
import { TABLE_ACCEPT, type Fetched } from './get-fetched';

export interface FileFetch {
  fetched: Fetched[];
  /** One file (not stdin, not a directory): a lone object prints as itself, not as a List. */
  singleItemImplied: boolean;
}

/** Every object the -f paths name, placed in its namespace; `namespace` is '' with -A. */
export async function resolveFileObjects(ctx: KubectlContext, flags: ParsedFlags, namespace: string): Promise<ResolvedManifest[]> {
  return resolveManifests(ctx, flagArray(flags, 'filename'), flagBool(flags, 'recursive'), namespace, flags.changed.has('namespace'));
}

/** What -w follows for -f: the files' objects by type, in the namespace of the first. */
export async function fileSelections(ctx: KubectlContext, flags: ParsedFlags, namespace: string): Promise<{ selections: ResourceSelection[]; namespace?: string }> {
  const resolved = await resolveFileObjects(ctx, flags, namespace);
  const selections: ResourceSelection[] = [];
  for (const { type, name } of resolved) {
    const existing = selections.find((s) => s.type === type);
    if (existing) existing.names.push(name);
    else selections.push({ type, names: [name] });
  }
  return { selections, namespace: resolved[0]?.namespace };
}

async function isSingleFile(ctx: KubectlContext, paths: readonly string[]): Promise<boolean> {
  return paths.length === 1 && paths[0] !== '-' && !(await ctx.listDirectory(paths[0]));
}

/** The client-side table kubectl prints for an object it holds but did not fetch. */
function namelessTable(object: KubeObject, now: number): Table {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {},
    columnDefinitions: [column('Name', 'string', 'Name of the object', 0, 'name'), column('Age', 'string', 'Age of the object')],
    rows: [{ cells: [object.metadata.name ?? '', age(object.metadata.creationTimestamp, now)], object }],
  };
}

async function fetchOne(ctx: KubectlContext, resolved: ResolvedManifest, query: Record<string, string>, table: boolean): Promise<KubeObject | Table> {
  const { type, name, namespace } = resolved;
  if (!name) return placedObject(resolved);
  if (type.namespaced && !namespace) {
    throw new KubectlError(`no namespace set on resource ${type.group}/${type.version}, Resource=${type.resource} "${name}"`);
  }
  return ctx.client.send({ method: 'GET', path: resourcePath(type, namespace, name), query, headers: table ? { accept: TABLE_ACCEPT } : undefined });
}

function labelsOf(body: KubeObject | Table): Record<string, string> | undefined {
  return body.kind === 'Table' ? undefined : (body as KubeObject).metadata?.labels;
}

export async function fetchFromFiles(ctx: KubectlContext, flags: ParsedFlags, namespace: string, table: boolean, errors: unknown[]): Promise<FileFetch> {
  const query: Record<string, string> = table && flagString(flags, 'sort-by') ? { includeObject: 'Object' } : {};
  const labelText = flagString(flags, 'selector');
  const selector = labelText ? parseSelector(labelText) : undefined;
  const fetched: Fetched[] = [];
  for (const resolved of await resolveEachManifest(ctx, flagArray(flags, 'filename'), flagBool(flags, 'recursive'), namespace, flags.changed.has('namespace'))) {
    if ('skipped' in resolved) {
      errors.push(resolved.skipped);
      continue;
    }
    try {
      const body = await fetchOne(ctx, resolved, query, table);
      if (selector && !matches(selector, labelsOf(body))) continue;
      fetched.push({ type: resolved.type, body: table && body.kind !== 'Table' ? namelessTable(body as KubeObject, ctx.now()) : body });
    } catch (error) {
      if (flagBool(flags, 'ignore-not-found') && error instanceof StatusError && error.code === 404) continue;
      errors.push(error);
    }
  }
  return { fetched, singleItemImplied: await isSingleFile(ctx, flagArray(flags, 'filename')) };
}
