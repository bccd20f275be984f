// The scheme: which resources exist, under which group and version, with which kind, scope,
// short names, categories, verbs and subresources. Discovery, routing, kubectl's resource
// resolution and the OpenAPI documents all read this one table.

export interface ResourceType {
  readonly group: string;
  readonly version: string;
  /** Plural, lower-case resource name as used in URLs: `pods`. */
  readonly resource: string;
  readonly kind: string;
  readonly listKind: string;
  readonly singularName: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  readonly verbs: readonly string[];
  readonly subresources: readonly string[];
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;
const NO_COLLECTION_DELETE = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] as const;

function define(
  group: string,
  resource: string,
  kind: string,
  namespaced: boolean,
  extra: { shortNames?: string[]; categories?: string[]; verbs?: readonly string[]; subresources?: string[] } = {},
): ResourceType {
  return {
    group,
    version: 'v1',
    resource,
    kind,
    listKind: `${kind}List`,
    singularName: kind.toLowerCase(),
    namespaced,
    shortNames: extra.shortNames ?? [],
    categories: extra.categories ?? [],
    verbs: extra.verbs ?? ALL_VERBS,
    subresources: extra.subresources ?? [],
  };
}

export const RESOURCES: readonly ResourceType[] = [
  define('', 'bindings', 'Binding', true, { verbs: ['create'] }),
  define('', 'configmaps', 'ConfigMap', true, { shortNames: ['cm'] }),
  define('', 'endpoints', 'Endpoints', true, { shortNames: ['ep'] }),
  define('', 'events', 'Event', true, { shortNames: ['ev'] }),
  define('', 'namespaces', 'Namespace', false, {
    shortNames: ['ns'],
    verbs: NO_COLLECTION_DELETE,
    subresources: ['finalize', 'status'],
  }),
  define('', 'nodes', 'Node', false, { shortNames: ['no'], subresources: ['proxy', 'status'] }),
  define('', 'pods', 'Pod', true, {
    shortNames: ['po'],
    categories: ['all'],
    subresources: ['attach', 'binding', 'ephemeralcontainers', 'eviction', 'exec', 'log', 'portforward', 'proxy', 'resize', 'status'],
  }),
  define('', 'secrets', 'Secret', true),
  define('', 'serviceaccounts', 'ServiceAccount', true, { shortNames: ['sa'], subresources: ['token'] }),
  define('', 'services', 'Service', true, {
    shortNames: ['svc'],
    categories: ['all'],
    subresources: ['proxy', 'status'],
    verbs: NO_COLLECTION_DELETE,
  }),
  define('apps', 'deployments', 'Deployment', true, { shortNames: ['deploy'], categories: ['all'], subresources: ['scale', 'status'] }),
  define('apps', 'replicasets', 'ReplicaSet', true, { shortNames: ['rs'], categories: ['all'], subresources: ['scale', 'status'] }),
  define('authentication.k8s.io', 'selfsubjectreviews', 'SelfSubjectReview', false, { verbs: ['create'] }),
  define('authorization.k8s.io', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', false, { verbs: ['create'] }),
  define('authorization.k8s.io', 'selfsubjectrulesreviews', 'SelfSubjectRulesReview', false, { verbs: ['create'] }),
  define('batch', 'jobs', 'Job', true, { categories: ['all'], subresources: ['status'] }),
  define('coordination.k8s.io', 'leases', 'Lease', true),
  define('discovery.k8s.io', 'endpointslices', 'EndpointSlice', true),
  define('events.k8s.io', 'events', 'Event', true, { shortNames: ['ev'] }),
];

/** API groups in the order discovery lists them (the legacy core group is served at /api). */
export const GROUP_ORDER: readonly string[] = ['apps', 'events.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io', 'batch', 'coordination.k8s.io', 'discovery.k8s.io'];

export function groupVersion(type: Pick<ResourceType, 'group' | 'version'>): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/** `pods`, `deployments.apps`: how kubectl and error messages name a resource. */
export function qualifiedResource(type: Pick<ResourceType, 'group' | 'resource'>): string {
  return type.group ? `${type.resource}.${type.group}` : type.resource;
}

export function findResource(group: string, version: string, resource: string): ResourceType | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.resource === resource);
}

export function findKind(apiVersion: string, kind: string): ResourceType | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  return RESOURCES.find((r) => r.group === group && r.version === version && r.kind === kind);
}

/** The URL path of a collection or object: `/api/v1/namespaces/default/pods/web`. */
export function resourcePath(type: ResourceType, namespace?: string, name?: string, subresource?: string): string {
  let path = type.group ? `/apis/${type.group}/${type.version}` : `/api/${type.version}`;
  if (type.namespaced && namespace) path += `/namespaces/${encodeURIComponent(namespace)}`;
  path += `/${type.resource}`;
  if (name !== undefined) path += `/${encodeURIComponent(name)}`;
  if (subresource) path += `/${subresource}`;
  return path;
}
