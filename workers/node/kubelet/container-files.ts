// The files the kubelet puts into every container: /etc/hosts (the pod's own names, then its
// hostAliases), /etc/resolv.conf by the pod's dnsPolicy and dnsConfig (cluster DNS with the
// namespace's search list for ClusterFirst), and /etc/hostname. Upstream:
// pkg/kubelet/kubelet_pods.go (managedHostsFileContent), pkg/kubelet/network/dns/dns.go, and
// containerd's resolv.conf writer.

import type { Pod } from '../../../src/api/core';
import { CLUSTER_DOMAIN, searchDomains } from '../../../src/cluster/cluster-dns';
import { CLUSTER_DNS_IP } from '../../../src/cluster/topology';

/** The node's own resolver (kind's Docker network gateway), for dnsPolicy Default. */
const NODE_NAMESERVER = '172.18.0.1';
/** resolv.conf's limits, as the kubelet applies them. */
const MAX_NAMESERVERS = 3;
const MAX_SEARCH_DOMAINS = 32;

export function podHostname(pod: Pod): string {
  return (pod.spec.hostname ?? pod.metadata.name ?? '').slice(0, 63);
}

function hostsFile(pod: Pod, podIP: string): string {
  const hostname = podHostname(pod);
  const lines = [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
  ];
  const subdomain = pod.spec.subdomain;
  lines.push(subdomain ? `${podIP}\t${hostname}.${subdomain}.${pod.metadata.namespace}.svc.${CLUSTER_DOMAIN}\t${hostname}` : `${podIP}\t${hostname}`);
  let text = `${lines.join('\n')}\n`;
  const aliases = pod.spec.hostAliases ?? [];
  if (aliases.length > 0) text += `\n# Entries added by HostAliases.\n${aliases.map((a) => `${a.ip}\t${(a.hostnames ?? []).join('\t')}\n`).join('')}`;
  return text;
}

function resolvConf(pod: Pod): string {
  const policy = pod.spec.dnsPolicy ?? 'ClusterFirst';
  const config = pod.spec.dnsConfig;
  let servers: string[] = [];
  let searches: string[] = [];
  const options = new Map<string, string | undefined>();
  if (policy === 'ClusterFirst' || policy === 'ClusterFirstWithHostNet') {
    servers = [CLUSTER_DNS_IP];
    searches = searchDomains(pod.metadata.namespace ?? 'default');
    options.set('ndots', '5');
  } else if (policy === 'Default') {
    servers = [NODE_NAMESERVER];
  }
  servers = [...servers, ...(config?.nameservers ?? [])].slice(0, MAX_NAMESERVERS);
  searches = [...new Set([...searches, ...(config?.searches ?? [])])].slice(0, MAX_SEARCH_DOMAINS);
  for (const option of config?.options ?? []) options.set(option.name, option.value);
  let text = '';
  if (searches.length > 0) text += `search ${searches.join(' ')}\n`;
  for (const server of servers) text += `nameserver ${server}\n`;
  if (options.size > 0) text += `options ${[...options].map(([name, value]) => (value === undefined ? name : `${name}:${value}`)).join(' ')}\n`;
  return text;
}

/** The kubelet-managed files of a container in `pod`, by absolute path. */
export function managedFiles(pod: Pod, podIP: string): Record<string, string> {
  return {
    '/etc/hosts': hostsFile(pod, podIP),
    '/etc/resolv.conf': resolvConf(pod),
    '/etc/hostname': `${podHostname(pod)}\n`,
  };
}
