// kubectl describe: detailed, human-readable descriptions of objects with their events, named
// by type and name, label selector or -f. When the one thing that failed is `TYPE NAME` not
// found, every object of that type whose name starts with NAME is described instead.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go.

import type { KubeList, KubeObject } from '../../api/meta';
import { resourcePath, type ResourceType } from '../../api/scheme';
import { isNotFound } from '../../client/client';
import { namespaceOf, type Command } from '../command';
import { describeError, KubectlError } from '../errors';
import type { KubectlContext } from '../context';
import { flagArray, flagBool, flagString } from '../flags';
import { resolveEachManifest } from '../manifests/resolve-manifest';
import { selectResources } from '../resource-args';
import { describeObject } from '../describe/describers';

const MISSING_TYPE = 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.';

interface Found {
  type: ResourceType;
  object: KubeObject;
}

async function fetchInto(found: Found[], errors: unknown[], type: ResourceType, fetch: () => Promise<KubeObject>): Promise<void> {
  try {
    found.push({ type, object: await fetch() });
  } catch (error) {
    errors.push(error);
  }
}

/**
 * `describe TYPE PREFIX` when PREFIX names nothing: every object of that one type (in the
 * namespace) whose name starts with it, else the original error.
 */
async function describeMatching(
  ctx: KubectlContext,
  typeText: string,
  prefix: string,
  original: unknown,
  namespace: string,
  render: (type: ResourceType, object: KubeObject) => Promise<string>,
): Promise<number> {
  if (typeText.includes('/')) throw original;
  const selections = await selectResources(ctx.mapper, [typeText]);
  if (selections.length > 1) throw new KubectlError('error: you may only specify a single resource type');
  const type = selections[0].type;
  const list = await ctx.client.send<KubeList>({ method: 'GET', path: resourcePath(type, type.namespaced ? namespace : undefined) });
  const matching = list.items.filter((item) => (item.metadata.name ?? '').startsWith(prefix));
  if (matching.length === 0) throw original;
  for (const object of matching) ctx.stdout(`${await render(type, object)}\n`);
  return 0;
}

export const describeCommand: Command = {
  name: 'describe',
  summary: 'Show details of a specific resource or group of resources',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  flags: [
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
    { name: 'show-events', type: 'bool', default: true },
    { name: 'chunk-size', type: 'int', default: 500 },
    { name: 'filename', short: 'f', type: 'stringSlice', default: [] },
    { name: 'recursive', short: 'R', type: 'bool', default: false },
  ],
  async run(flags, ctx) {
    const files = flagArray(flags, 'filename');
    if (flags.args.length === 0 && files.length === 0) throw new KubectlError(MISSING_TYPE);
    const allNamespaces = flagBool(flags, 'all-namespaces');
    const namespace = namespaceOf(flags, ctx);
    const showEvents = flags.values.get('show-events') !== false;
    const clock = { now: ctx.now(), offset: ctx.timezoneOffset };
    const render = (type: ResourceType, object: KubeObject) => describeObject(ctx, type, { ...object, kind: object.kind || type.kind }, showEvents, clock);
    const found: Found[] = [];
    const errors: unknown[] = [];
    for (const resolved of await resolveEachManifest(ctx, files, flagBool(flags, 'recursive'), namespace, flags.changed.has('namespace'))) {
      if ('skipped' in resolved) errors.push(resolved.skipped);
      else await fetchInto(found, errors, resolved.type, () => ctx.client.get(resolved.type, resolved.namespace, resolved.name));
    }
    const selections = await selectResources(ctx.mapper, flags.args);
    for (const selection of selections) {
      const type = selection.type;
      const ns = type.namespaced ? (allNamespaces ? undefined : namespace) : undefined;
      if (selection.names.length === 0) {
        const query: Record<string, string> = {};
        const selector = flagString(flags, 'selector');
        if (selector) query.labelSelector = selector;
        const list = await ctx.client.send<KubeList>({ method: 'GET', path: resourcePath(type, ns), query });
        for (const object of list.items) found.push({ type, object });
      }
      for (const name of selection.names) await fetchInto(found, errors, type, () => ctx.client.get(type, ns, name));
    }
    if (errors.length === 1 && isNotFound(errors[0]) && flags.args.length === 2) {
      return describeMatching(ctx, flags.args[0], flags.args[1], errors[0], namespace, render);
    }
    if (found.length === 0 && errors.length === 0) {
      ctx.stderr(selections.every((s) => s.type.namespaced) && !allNamespaces ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n');
    }
    const outputs: string[] = [];
    for (const { type, object } of found) outputs.push(await render(type, object));
    ctx.stdout(outputs.join('\n\n'));
    for (const error of errors) ctx.stderr(`${describeError(error).message}\n`);
    return errors.length > 0 ? 1 : 0;
  },
};
