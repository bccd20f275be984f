// kubectl cluster-info: where the control plane and the cluster's services (those labelled
// kubernetes.io/cluster-service=true in kube-system) are served. Upstream:
// staging/src/k8s.io/kubectl/pkg/cmd/clusterinfo/clusterinfo.go.

import type { Service } from '../../api/core';
import { findResource } from '../../api/scheme';
import type { Command } from '../command';

const SERVICES = findResource('', 'v1', 'services')!;

/** The address the API server is reached at, as the kubeconfig names it. */
export const SERVER_URL = 'https://127.0.0.1:6443';

export const clusterInfoCommand: Command = {
  name: 'cluster-info',
  summary: 'Display cluster information',
  usage: 'kubectl cluster-info [flags]',
  flags: [],
  async run(_flags, ctx) {
    const green = (t: string) => `\u001b[0;32m${t}\u001b[0m`;
    const yellow = (t: string) => `\u001b[0;33m${t}\u001b[0m`;
    ctx.stdout(`${green('Kubernetes control plane')} is running at ${yellow(SERVER_URL)}\n`);
    const services = await ctx.client.list<Service>(SERVICES, 'kube-system', { labelSelector: 'kubernetes.io/cluster-service=true' });
    for (const service of services.items) {
      const name = service.metadata.labels?.['kubernetes.io/name'] ?? service.metadata.name ?? '';
      const port = service.spec.ports?.[0];
      const portName = port?.name ? `:${port.name}` : port ? `:${port.port}` : '';
      ctx.stdout(`${green(name)} is running at ${yellow(`${SERVER_URL}/api/v1/namespaces/kube-system/services/${service.metadata.name}${portName}/proxy`)}\n`);
    }
    ctx.stdout("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
    return 0;
  },
};
