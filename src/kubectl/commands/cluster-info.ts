// kubectl cluster-info: where the control plane and the cluster's services (those labelled
// kubernetes.io/cluster-service=true in kube-system) are served, coloured on a terminal.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/clusterinfo/clusterinfo.go.

import type { Service } from '../../api/core';
import { findResource } from '../../api/scheme';
import type { Command } from '../command';

const SERVICES = findResource('', 'v1', 'services')!;

/** The address the API server is reached at when no kubeconfig names one (the browser). */
export const DEFAULT_SERVER_URL = 'https://127.0.0.1:6443';

export const clusterInfoCommand: Command = {
  name: 'cluster-info',
  summary: 'Display cluster information',
  usage: 'kubectl cluster-info [flags]',
  flags: [],
  async run(_flags, ctx) {
    const color = (code: string) => (t: string) => (ctx.colors ? `\u001b[0;${code}m${t}\u001b[0m` : t);
    const green = color('32');
    const yellow = color('33');
    const server = ctx.server ?? DEFAULT_SERVER_URL;
    ctx.stdout(`${green('Kubernetes control plane')} is running at ${yellow(server)}\n`);
    const services = await ctx.client.list<Service>(SERVICES, 'kube-system', { labelSelector: 'kubernetes.io/cluster-service=true' });
    for (const service of services.items) {
      const name = service.metadata.labels?.['kubernetes.io/name'] ?? service.metadata.name ?? '';
      const port = service.spec.ports?.[0];
      const portName = port?.name ? `:${port.name}` : port ? `:${port.port}` : '';
      ctx.stdout(`${green(name)} is running at ${yellow(`${server}/api/v1/namespaces/kube-system/services/${service.metadata.name}${portName}/proxy`)}\n`);
    }
    ctx.stdout("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
    return 0;
  },
};
