// The objects a new cluster starts with, as kubeadm leaves them: the four system namespaces
// and the `kubernetes` Service in default.

import type { Namespace, Service } from '../api/core';
import { findResource } from '../api/scheme';
import { isAlreadyExists, type ApiClient } from '../client/client';
import { KUBERNETES_SERVICE_IP } from './topology';

const NAMESPACES = findResource('', 'v1', 'namespaces')!;
const SERVICES = findResource('', 'v1', 'services')!;

export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

async function createIfMissing(create: () => Promise<unknown>): Promise<void> {
  try {
    await create();
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
}

export async function bootstrapCluster(client: ApiClient): Promise<void> {
  await Promise.all(
    SYSTEM_NAMESPACES.map((name) => {
      const ns: Namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
      return createIfMissing(() => client.create(NAMESPACES, undefined, ns));
    }),
  );
  const kubernetes: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: KUBERNETES_SERVICE_IP,
      clusterIPs: [KUBERNETES_SERVICE_IP],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
    },
  };
  await createIfMissing(() => client.create(SERVICES, 'default', kubernetes));
}
