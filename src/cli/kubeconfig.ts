// The kubeconfig `kubetab cluster` writes so that kubectl and other tools can reach it.

import { printYaml } from '../kubectl/printers/yaml-printer';

export function kubeconfig(server: string, token?: string): string {
  const user: Record<string, unknown> = token ? { token } : {};
  return printYaml({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'kubetab', cluster: { server } }],
    contexts: [{ name: 'kubetab', context: { cluster: 'kubetab', user: 'kubetab' } }],
    'current-context': 'kubetab',
    users: [{ name: 'kubetab', user }],
    preferences: {},
  });
}
