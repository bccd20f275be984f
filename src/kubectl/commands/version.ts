// kubectl version: the client's version and the server's, from /version. Upstream:
// staging/src/k8s.io/kubectl/pkg/cmd/version/version.go.

import type { Command } from '../command';
import { flagBool, flagString } from '../flags';
import { printYaml } from '../printers/yaml-printer';

export const CLIENT_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.2',
  gitCommit: '67a30c0adcf52bd3f56ff0893ce19966be12991f',
  gitTreeState: 'clean',
  buildDate: '2025-02-12T21:26:09Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};
const KUSTOMIZE_VERSION = 'v5.5.0';

export const versionCommand: Command = {
  name: 'version',
  summary: 'Print the client and server version information',
  usage: 'kubectl version [flags]',
  flags: [
    { name: 'client', type: 'bool', default: false },
    { name: 'output', short: 'o', type: 'string', default: '' },
  ],
  async run(flags, ctx) {
    const clientOnly = flagBool(flags, 'client');
    const server = clientOnly ? undefined : await ctx.client.send<Record<string, string>>({ method: 'GET', path: '/version' });
    const output = flagString(flags, 'output');
    if (output === 'json' || output === 'yaml') {
      const value: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: KUSTOMIZE_VERSION };
      if (server) value.serverVersion = server;
      ctx.stdout(output === 'json' ? `${JSON.stringify(value, null, 2)}\n` : printYaml(value));
      return 0;
    }
    ctx.stdout(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (server) ctx.stdout(`Server Version: ${server.gitVersion}\n`);
    return 0;
  },
};
