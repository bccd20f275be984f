// Discovery documents: /api, /apis, /api/v1, /apis/{group}/{version}, and /version, built from
// the scheme. Upstream: staging/src/k8s.io/apiserver/pkg/endpoints/discovery.

import { GROUP_ORDER, RESOURCES, type ResourceType } from '../api/scheme';

export const KUBERNETES_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.2',
  gitCommit: '67a30c0adcf52bd3f56ff0893ce19966be12991f',
  gitTreeState: 'clean',
  buildDate: '2025-02-12T21:19:07Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

interface SubresourceInfo {
  kind: string;
  verbs: string[];
  group?: string;
  version?: string;
}

/** The kind and verbs each subresource is served with. */
const SUBRESOURCES: Record<string, SubresourceInfo> = {
  attach: { kind: 'PodAttachOptions', verbs: ['create', 'get'] },
  binding: { kind: 'Binding', verbs: ['create'] },
  ephemeralcontainers: { kind: 'Pod', verbs: ['get', 'patch', 'update'] },
  eviction: { kind: 'Eviction', verbs: ['create'], group: 'policy', version: 'v1' },
  exec: { kind: 'PodExecOptions', verbs: ['create', 'get'] },
  finalize: { kind: 'Namespace', verbs: ['update'] },
  log: { kind: 'Pod', verbs: ['get'] },
  portforward: { kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
  resize: { kind: 'Pod', verbs: ['get', 'patch', 'update'] },
  scale: { kind: 'Scale', verbs: ['get', 'patch', 'update'], group: 'autoscaling', version: 'v1' },
  status: { kind: '', verbs: ['get', 'patch', 'update'] },
  token: { kind: 'TokenRequest', verbs: ['create'], group: 'authentication.k8s.io', version: 'v1' },
};

const PROXY_KINDS: Record<string, string> = { pods: 'PodProxyOptions', nodes: 'NodeProxyOptions', services: 'ServiceProxyOptions' };

function resourceEntries(type: ResourceType): Record<string, unknown>[] {
  const main: Record<string, unknown> = {
    name: type.resource,
    singularName: type.singularName,
    namespaced: type.namespaced,
    kind: type.kind,
    verbs: [...type.verbs],
  };
  if (type.shortNames.length > 0) main.shortNames = [...type.shortNames];
  if (type.categories.length > 0) main.categories = [...type.categories];
  const entries = [main];
  for (const sub of type.subresources) {
    const entry: Record<string, unknown> = { name: `${type.resource}/${sub}`, singularName: '', namespaced: type.namespaced };
    if (sub === 'proxy') {
      entry.kind = PROXY_KINDS[type.resource];
      entry.verbs = ['create', 'delete', 'get', 'patch', 'update'];
    } else {
      const info = SUBRESOURCES[sub];
      if (info.group) entry.group = info.group;
      if (info.version) entry.version = info.version;
      entry.kind = info.kind || type.kind;
      entry.verbs = info.verbs;
    }
    entries.push(entry);
  }
  return entries;
}

export function apiVersions(serverAddress: string): unknown {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

export function apiGroupList(): unknown {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: GROUP_ORDER.map((name) => ({
      name,
      versions: [{ groupVersion: `${name}/v1`, version: 'v1' }],
      preferredVersion: { groupVersion: `${name}/v1`, version: 'v1' },
    })),
  };
}

export function apiGroup(group: string): unknown | undefined {
  if (!GROUP_ORDER.includes(group)) return undefined;
  return {
    kind: 'APIGroup',
    apiVersion: 'v1',
    name: group,
    versions: [{ groupVersion: `${group}/v1`, version: 'v1' }],
    preferredVersion: { groupVersion: `${group}/v1`, version: 'v1' },
  };
}

export function apiResourceList(group: string, version: string): unknown | undefined {
  const types = RESOURCES.filter((r) => r.group === group && r.version === version);
  if (types.length === 0) return undefined;
  const resources = types.flatMap(resourceEntries).sort((a, b) => ((a.name as string) < (b.name as string) ? -1 : 1));
  const list: Record<string, unknown> = { kind: 'APIResourceList', groupVersion: group ? `${group}/${version}` : version, resources };
  if (group) list.apiVersion = 'v1';
  return list;
}
