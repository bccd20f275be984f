// The `kube-dns` Service kubeadm's CoreDNS addon creates in kube-system, at the cluster DNS
// address every pod's resolv.conf names (10.96.0.10), which kubetab's cluster DNS answers on.
// No CoreDNS pods back it yet, so its endpoints stay empty. Upstream (facts only):
// cmd/kubeadm/app/phases/addons/dns/manifests.go.

import type { Service } from '../api/core';
import type { ApiClient } from '../client/client';
import { createServiceIfMissing } from './bootstrap';
import { CLUSTER_DNS_IP } from './topology';

/** Creates the kube-dns Service unless it exists. */
export async function createKubeDnsService(client: ApiClient): Promise<void> {
  const service: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      type: 'ClusterIP',
      selector: { 'k8s-app': 'kube-dns' },
      clusterIP: CLUSTER_DNS_IP,
      clusterIPs: [CLUSTER_DNS_IP],
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
    },
  };
  await createServiceIfMissing(client, service);
}
