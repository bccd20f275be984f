// Turns a request path into what it addresses: group, version, namespace, resource, name and
// subresource, or a non-resource path. Upstream:
// staging/src/k8s.io/apiserver/pkg/endpoints/request/requestinfo.go.

export interface ResourceRequestInfo {
  kind: 'resource';
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
  /** Path segments after the subresource (proxy paths). */
  rest: string[];
}

export interface NonResourceRequestInfo {
  kind: 'nonResource';
  path: string;
}

export type RequestInfo = ResourceRequestInfo | NonResourceRequestInfo;

/** Namespace subresources that follow `/namespaces/{name}` directly. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

export function parseRequestPath(path: string): RequestInfo {
  const parts: string[] = [];
  for (const segment of path.split('/')) if (segment !== '') parts.push(safeDecode(segment));
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 2) {
    group = '';
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return { kind: 'nonResource', path };
  }
  if (rest.length === 0) return { kind: 'nonResource', path };
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length > 1) {
    namespace = rest[1];
    if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2])) {
      rest = rest.slice(2);
    } else {
      return { kind: 'resource', group, version, resource: 'namespaces', name: rest[1], subresource: rest[2], rest: rest.slice(3) };
    }
  }
  return { kind: 'resource', group, version, namespace, resource: rest[0], name: rest[1], subresource: rest[2], rest: rest.slice(3) };
}

function safeDecode(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
