// The static pod manifests kubeadm writes to /etc/kubernetes/manifests on kind's control-plane
// node (kind v1.32.2): etcd, kube-apiserver, kube-controller-manager and kube-scheduler, with
// kubeadm's images, commands, resource requests and probes. Upstream (facts only):
// kubernetes cmd/kubeadm/app/phases/controlplane/manifests.go, cmd/kubeadm/app/phases/etcd/local.go,
// cmd/kubeadm/app/util/staticpod/utils.go; kind pkg/cluster/internal/kubeadm/config.go.

import type { Container, Pod, Probe } from '../../api/core';
import { CLUSTER_NAME } from '../topology';

export const STATIC_POD_COMPONENTS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const;
export type StaticPodComponent = (typeof STATIC_POD_COMPONENTS)[number];

const KUBERNETES_VERSION = 'v1.32.2';
const ETCD_IMAGE = 'registry.k8s.io/etcd:3.5.16-0';
const SERVICE_SUBNET = '10.96.0.0/16';
const POD_SUBNET = '10.244.0.0/16';
const PKI = '/etc/kubernetes/pki';

/** kubeadm's probe: an HTTP GET against the component's own port. */
function probe(host: string, path: string, port: number, scheme: 'HTTP' | 'HTTPS', failureThreshold: number, periodSeconds = 10, initialDelaySeconds: number | undefined = 10): Probe {
  return {
    httpGet: { host, path, port, scheme },
    ...(initialDelaySeconds === undefined ? {} : { initialDelaySeconds }),
    periodSeconds,
    timeoutSeconds: 15,
    failureThreshold,
  };
}

function etcd(ip: string, node: string): Container {
  return {
    name: 'etcd',
    image: ETCD_IMAGE,
    command: [
      'etcd',
      `--advertise-client-urls=https://${ip}:2379`,
      `--cert-file=${PKI}/etcd/server.crt`,
      '--client-cert-auth=true',
      '--data-dir=/var/lib/etcd',
      '--experimental-initial-corrupt-check=true',
      '--experimental-watch-progress-notify-interval=5s',
      `--initial-advertise-peer-urls=https://${ip}:2380`,
      `--initial-cluster=${node}=https://${ip}:2380`,
      `--key-file=${PKI}/etcd/server.key`,
      `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
      '--listen-metrics-urls=http://127.0.0.1:2381',
      `--listen-peer-urls=https://${ip}:2380`,
      `--name=${node}`,
      `--peer-cert-file=${PKI}/etcd/peer.crt`,
      '--peer-client-cert-auth=true',
      `--peer-key-file=${PKI}/etcd/peer.key`,
      `--peer-trusted-ca-file=${PKI}/etcd/ca.crt`,
      '--snapshot-count=10000',
      `--trusted-ca-file=${PKI}/etcd/ca.crt`,
    ],
    resources: { requests: { cpu: '100m', memory: '100Mi' } },
    livenessProbe: probe('127.0.0.1', '/livez', 2381, 'HTTP', 8),
    startupProbe: probe('127.0.0.1', '/readyz', 2381, 'HTTP', 24),
  };
}

function apiServer(ip: string): Container {
  return {
    name: 'kube-apiserver',
    image: `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
    command: [
      'kube-apiserver',
      `--advertise-address=${ip}`,
      '--allow-privileged=true',
      '--authorization-mode=Node,RBAC',
      `--client-ca-file=${PKI}/ca.crt`,
      '--enable-admission-plugins=NodeRestriction',
      '--enable-bootstrap-token-auth=true',
      `--etcd-cafile=${PKI}/etcd/ca.crt`,
      `--etcd-certfile=${PKI}/apiserver-etcd-client.crt`,
      `--etcd-keyfile=${PKI}/apiserver-etcd-client.key`,
      '--etcd-servers=https://127.0.0.1:2379',
      `--kubelet-client-certificate=${PKI}/apiserver-kubelet-client.crt`,
      `--kubelet-client-key=${PKI}/apiserver-kubelet-client.key`,
      '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
      `--proxy-client-cert-file=${PKI}/front-proxy-client.crt`,
      `--proxy-client-key-file=${PKI}/front-proxy-client.key`,
      '--requestheader-allowed-names=front-proxy-client',
      `--requestheader-client-ca-file=${PKI}/front-proxy-ca.crt`,
      '--requestheader-extra-headers-prefix=X-Remote-Extra-',
      '--requestheader-group-headers=X-Remote-Group',
      '--requestheader-username-headers=X-Remote-User',
      '--runtime-config=',
      '--secure-port=6443',
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
      `--service-account-key-file=${PKI}/sa.pub`,
      `--service-account-signing-key-file=${PKI}/sa.key`,
      `--service-cluster-ip-range=${SERVICE_SUBNET}`,
      `--tls-cert-file=${PKI}/apiserver.crt`,
      `--tls-private-key-file=${PKI}/apiserver.key`,
    ],
    resources: { requests: { cpu: '250m' } },
    livenessProbe: probe(ip, '/livez', 6443, 'HTTPS', 8),
    readinessProbe: probe(ip, '/readyz', 6443, 'HTTPS', 3, 1, undefined),
    startupProbe: probe(ip, '/livez', 6443, 'HTTPS', 24),
  };
}

function controllerManager(): Container {
  const kubeconfig = '/etc/kubernetes/controller-manager.conf';
  return {
    name: 'kube-controller-manager',
    image: `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
    command: [
      'kube-controller-manager',
      '--allocate-node-cidrs=true',
      `--authentication-kubeconfig=${kubeconfig}`,
      `--authorization-kubeconfig=${kubeconfig}`,
      '--bind-address=127.0.0.1',
      `--client-ca-file=${PKI}/ca.crt`,
      `--cluster-cidr=${POD_SUBNET}`,
      `--cluster-name=${CLUSTER_NAME}`,
      `--cluster-signing-cert-file=${PKI}/ca.crt`,
      `--cluster-signing-key-file=${PKI}/ca.key`,
      '--controllers=*,bootstrapsigner,tokencleaner',
      '--enable-hostpath-provisioner=true',
      `--kubeconfig=${kubeconfig}`,
      '--leader-elect=true',
      `--requestheader-client-ca-file=${PKI}/front-proxy-ca.crt`,
      `--root-ca-file=${PKI}/ca.crt`,
      `--service-account-private-key-file=${PKI}/sa.key`,
      `--service-cluster-ip-range=${SERVICE_SUBNET}`,
      '--use-service-account-credentials=true',
    ],
    resources: { requests: { cpu: '200m' } },
    livenessProbe: probe('127.0.0.1', '/healthz', 10257, 'HTTPS', 8),
    startupProbe: probe('127.0.0.1', '/healthz', 10257, 'HTTPS', 24),
  };
}

function scheduler(): Container {
  const kubeconfig = '/etc/kubernetes/scheduler.conf';
  return {
    name: 'kube-scheduler',
    image: `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
    command: ['kube-scheduler', `--authentication-kubeconfig=${kubeconfig}`, `--authorization-kubeconfig=${kubeconfig}`, '--bind-address=127.0.0.1', `--kubeconfig=${kubeconfig}`, '--leader-elect=true'],
    resources: { requests: { cpu: '100m' } },
    livenessProbe: probe('127.0.0.1', '/healthz', 10259, 'HTTPS', 8),
    startupProbe: probe('127.0.0.1', '/healthz', 10259, 'HTTPS', 24),
  };
}

/** The address kubeadm records on the etcd and API server manifests. */
function advertised(component: StaticPodComponent, ip: string): { annotations?: Record<string, string> } {
  if (component === 'etcd') return { annotations: { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` } };
  if (component === 'kube-apiserver') return { annotations: { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` } };
  return {};
}

/** The manifest kubeadm writes for `component` on the node `node` at address `ip`. */
export function staticPodManifest(component: StaticPodComponent, node: string, ip: string): Pod {
  const container = component === 'etcd' ? etcd(ip, node) : component === 'kube-apiserver' ? apiServer(ip) : component === 'kube-controller-manager' ? controllerManager() : scheduler();
  container.imagePullPolicy = 'IfNotPresent';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: component, namespace: 'kube-system', labels: { component, tier: 'control-plane' }, ...advertised(component, ip) },
    spec: {
      containers: [container],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
    },
  };
}
