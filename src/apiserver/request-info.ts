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
  const parts = segmentsOf(path);
  let group: string;
  let version: string;
  let at: number;
  if (parts[0] === 'api' && parts.length >= 2) {
    group = '';
    version = parts[1];
    at = 2;
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    group = parts[1];
    version = parts[2];
    at = 3;
  } else {
    return { kind: 'nonResource', path };
  }
  if (at === parts.length) return { kind: 'nonResource', path };
  let namespace: string | undefined;
  if (parts[at] === 'namespaces' && parts.length > at + 1) {
    namespace = parts[at + 1];
    if (parts.length > at + 2 && !NAMESPACE_SUBRESOURCES.has(parts[at + 2])) {
      at += 2;
    } else {
      return { kind: 'resource', group, version, resource: 'namespaces', name: parts[at + 1], subresource: parts[at + 2], rest: parts.slice(at + 3) };
    }
  }
  return { kind: 'resource', group, version, namespace, resource: parts[at], name: parts[at + 1], subresource: parts[at + 2], rest: parts.slice(at + 3) };
}

/** The path's non-empty segments, percent-decoded. */
function segmentsOf(path: string): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start <= path.length) {
    let end = path.indexOf('/', start);
    if (end < 0) end = path.length;
    if (end > start) parts.push(safeDecode(path.slice(start, end)));
    start = end + 1;
  }
  return parts;
}

function safeDecode(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
