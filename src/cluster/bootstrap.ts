// The objects a new cluster starts with, as kubeadm leaves them: the four system namespaces,
// the `kubernetes` Service in default, and its Endpoints and EndpointSlice pointing at the API
// server on the control-plane node (172.18.0.2:6443), as the API server's own endpoint
// reconciler keeps them. The namespaces come first; the rest is written together (one round of
// writes, not three).

import type { EndpointSlice } from '../api/apps';
import type { Endpoints, Namespace, Service } from '../api/core';
import { findResource } from '../api/scheme';
import { isAlreadyExists, isNotFound, type ApiClient } from '../client/client';
import { KUBERNETES_SERVICE_IP, nodeIP } from './topology';

const NAMESPACES = findResource('', 'v1', 'namespaces')!;
const SERVICES = findResource('', 'v1', 'services')!;
const ENDPOINTS = findResource('', 'v1', 'endpoints')!;
const ENDPOINT_SLICES = findResource('discovery.k8s.io', 'v1', 'endpointslices')!;
const API_SERVER_PORT = 6443;

export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

async function createIfMissing(create: () => Promise<unknown>): Promise<void> {
  try {
    await create();
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
}

/**
 * Creates a Service unless one by that name exists (after a reload it does, and creating it again
 * would fail on its cluster IP, which it already holds, before the name is checked).
 */
export async function createServiceIfMissing(client: ApiClient, service: Service): Promise<void> {
  const { name = '', namespace } = service.metadata;
  const existing = await client.get(SERVICES, namespace, name).catch((error: unknown) => {
    if (isNotFound(error)) return undefined;
    throw error;
  });
  if (!existing) await createIfMissing(() => client.create(SERVICES, namespace, service));
}

/** Creates the system namespaces (first, since everything else lives in them). */
export async function createSystemNamespaces(client: ApiClient): Promise<void> {
  await Promise.all(
    SYSTEM_NAMESPACES.map((name) => {
      const ns: Namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
      return createIfMissing(() => client.create(NAMESPACES, undefined, ns));
    }),
  );
}

/** Creates the `kubernetes` Service and its Endpoints and EndpointSlice, together. */
export async function createKubernetesService(client: ApiClient): Promise<void> {
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
  const endpoints: Endpoints = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: nodeIP(0) }], ports: [{ name: 'https', port: API_SERVER_PORT, protocol: 'TCP' }] }],
  };
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [nodeIP(0)], conditions: { ready: true } }],
    ports: [{ name: 'https', port: API_SERVER_PORT, protocol: 'TCP' }],
  };
  await Promise.all([
    createServiceIfMissing(client, kubernetes),
    createIfMissing(() => client.create(ENDPOINTS, 'default', endpoints)),
    createIfMissing(() => client.create(ENDPOINT_SLICES, 'default', slice)),
  ]);
}

/** Creates every object a new cluster starts with. */
export async function bootstrapCluster(client: ApiClient): Promise<void> {
  await createSystemNamespaces(client);
  await createKubernetesService(client);
}
