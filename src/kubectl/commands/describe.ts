// kubectl describe: detailed, human-readable descriptions of objects with their events. A
// name that matches nothing exactly describes every object whose name starts with it.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go.

import type { KubeList, KubeObject } from '../../api/meta';
import { resourcePath } from '../../api/scheme';
import { isNotFound } from '../../client/client';
import { namespaceOf, type Command } from '../command';
import { describeError, KubectlError } from '../errors';
import { flagBool, flagString } from '../flags';
import { selectResources } from '../resource-args';
import { describeObject } from '../describe/describers';

const MISSING_TYPE = 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.';

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
    if (flags.args.length === 0) throw new KubectlError(MISSING_TYPE);
    const allNamespaces = flagBool(flags, 'all-namespaces');
    const namespace = namespaceOf(flags, ctx);
    const showEvents = flags.values.get('show-events') !== false;
    const selections = await selectResources(ctx.mapper, flags.args);
    const outputs: string[] = [];
    const errors: unknown[] = [];
    for (const selection of selections) {
      const type = selection.type;
      const ns = type.namespaced ? (allNamespaces ? undefined : namespace) : undefined;
      const objects: KubeObject[] = [];
      if (selection.names.length === 0) {
        const query: Record<string, string> = {};
        const selector = flagString(flags, 'selector');
        if (selector) query.labelSelector = selector;
        objects.push(...(await ctx.client.send<KubeList>({ method: 'GET', path: resourcePath(type, ns), query })).items);
      }
      for (const name of selection.names) {
        try {
          objects.push(await ctx.client.get(type, ns, name));
        } catch (error) {
          if (!isNotFound(error)) {
            errors.push(error);
            continue;
          }
          const list = await ctx.client.send<KubeList>({ method: 'GET', path: resourcePath(type, ns) });
          const matching = list.items.filter((item) => (item.metadata.name ?? '').startsWith(name));
          if (matching.length === 0) errors.push(error);
          objects.push(...matching);
        }
      }
      const clock = { now: ctx.now(), offset: ctx.timezoneOffset };
      for (const object of objects) outputs.push(await describeObject(ctx, type, { ...object, kind: object.kind || type.kind }, showEvents, clock));
    }
    if (outputs.length === 0 && errors.length === 0) {
      ctx.stderr(selections.every((s) => s.type.namespaced) && !allNamespaces ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n');
    }
    ctx.stdout(outputs.join('\n\n'));
    for (const error of errors) ctx.stderr(`${describeError(error).message}\n`);
    return errors.length > 0 ? 1 : 0;
  },
};
