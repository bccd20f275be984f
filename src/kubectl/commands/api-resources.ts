// kubectl api-resources and api-versions: what discovery says the server serves, as a table
// (sorted by group, or by name or kind), as names, or as the list of group versions.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/apiresources.

import { groupVersion } from '../../api/scheme';
import type { Command } from '../command';
import { KubectlError } from '../errors';
import { flagArray, flagBool, flagString, type ParsedFlags } from '../flags';
import { GET_TABS, TabWriter } from '../tabwriter';

interface GroupList {
  groups: { name: string; versions: { groupVersion: string }[] }[];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function namespacedFilter(flags: ParsedFlags): boolean | undefined {
  if (!flags.changed.has('namespaced')) return undefined;
  return flagBool(flags, 'namespaced');
}

export const apiResourcesCommand: Command = {
  name: 'api-resources',
  summary: 'Print the supported API resources on the server',
  usage: 'kubectl api-resources [flags]',
  flags: [
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'api-group', type: 'string', default: '' },
    { name: 'namespaced', type: 'bool', default: true },
    { name: 'verbs', type: 'stringSlice', default: [] },
    { name: 'sort-by', type: 'string', default: '' },
    { name: 'no-headers', type: 'bool', default: false },
    { name: 'cached', type: 'bool', default: false },
    { name: 'categories', type: 'stringSlice', default: [] },
  ],
  async run(flags, ctx) {
    const output = flagString(flags, 'output');
    if (output !== '' && output !== 'wide' && output !== 'name') throw new KubectlError(`error: --output ${output} is not available`);
    const sortField = flagString(flags, 'sort-by');
    if (sortField !== '' && sortField !== 'name' && sortField !== 'kind') throw new KubectlError('error: --sort-by accepts only name or kind');
    const group = flagString(flags, 'api-group');
    const namespaced = namespacedFilter(flags);
    const verbs = flagArray(flags, 'verbs').filter(Boolean);
    const categories = flagArray(flags, 'categories').filter(Boolean);
    const types = (await ctx.mapper.all()).filter(
      (t) =>
        (!flags.changed.has('api-group') || t.group === group) &&
        (namespaced === undefined || t.namespaced === namespaced) &&
        verbs.every((v) => t.verbs.includes(v)) &&
        categories.every((c) => t.categories.includes(c)),
    );
    const key = (t: (typeof types)[number]) => (sortField === 'name' ? t.resource : sortField === 'kind' ? t.kind : t.group);
    const sorted = types.map((t, i) => ({ t, i })).sort((a, b) => compare(key(a.t), key(b.t)) || a.i - b.i).map((e) => e.t);
    if (output === 'name') {
      ctx.stdout(sorted.map((t) => `${t.group ? `${t.resource}.${t.group}` : t.resource}\n`).join(''));
      return 0;
    }
    const wide = output === 'wide';
    const tabs = new TabWriter(GET_TABS);
    if (!flagBool(flags, 'no-headers')) tabs.write(`NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${wide ? '\tVERBS\tCATEGORIES' : ''}\n`);
    for (const t of sorted) {
      const cells = [t.resource, t.shortNames.join(','), groupVersion(t), String(t.namespaced), t.kind];
      if (wide) cells.push([...t.verbs].sort().join(','), t.categories.join(','));
      tabs.write(`${cells.join('\t')}\n`);
    }
    ctx.stdout(tabs.flush());
    return 0;
  },
};

export const apiVersionsCommand: Command = {
  name: 'api-versions',
  summary: 'Print the supported API versions on the server, in the form of "group/version"',
  usage: 'kubectl api-versions',
  flags: [],
  async run(_flags, ctx) {
    const groups = await ctx.client.send<GroupList>({ method: 'GET', path: '/apis' });
    const core = await ctx.client.send<{ versions: string[] }>({ method: 'GET', path: '/api' });
    const versions = [...core.versions, ...groups.groups.flatMap((g) => g.versions.map((v) => v.groupVersion))].sort(compare);
    ctx.stdout(versions.map((v) => `${v}\n`).join(''));
    return 0;
  },
};
