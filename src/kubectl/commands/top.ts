// kubectl top: resource usage from the Metrics API (metrics.k8s.io), which kubetab does not
// serve; like kubectl without a metrics server, it says the API is not available.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/top.

import type { Command } from '../command';
import { KubectlError } from '../errors';

function topSubcommand(name: string, aliases: string[], summary: string): Command {
  return {
    name,
    aliases,
    summary,
    usage: `kubectl top ${name} [NAME | -l label]`,
    flags: [
      { name: 'selector', short: 'l', type: 'string', default: '' },
      { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
      { name: 'containers', type: 'bool', default: false },
      { name: 'no-headers', type: 'bool', default: false },
      { name: 'sort-by', type: 'string', default: '' },
      { name: 'sum', type: 'bool', default: false },
      { name: 'use-protocol-buffers', type: 'bool', default: true },
      { name: 'show-capacity', type: 'bool', default: false },
    ],
    async run(_flags, ctx) {
      await ctx.client.send({ method: 'GET', path: '/apis' });
      throw new KubectlError('error: Metrics API not available');
    },
  };
}

export const topCommand: Command = {
  name: 'top',
  summary: 'Display resource (CPU/memory) usage',
  usage: 'kubectl top [flags] [options]',
  flags: [],
  subcommands: [topSubcommand('node', ['nodes', 'no'], 'Display resource (CPU/memory) usage of nodes'), topSubcommand('pod', ['pods', 'po'], 'Display resource (CPU/memory) usage of pods')],
};
