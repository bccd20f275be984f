// Random API requests for property tests: methods, paths, query parameters, headers and bodies,
// mostly malformed, drawn from a seeded generator so a failing case can be replayed.

import { RESOURCES as SERVED, resourcePath, type ResourceType } from '../../src/api/scheme';
import type { ApiRequest, HttpMethod } from '../../src/apiserver/request';

/** A small seeded PRNG (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Fuzzer {
  constructor(readonly next: () => number) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  text(max = 12): string {
    const alphabet = 'abc-XYZ09._/%?&=#"\'\\{}[]: \u00e9\u0000\n';
    let out = '';
    const length = Math.floor(this.next() * max);
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }
}

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const ROOTS = ['/api/v1', '/apis/apps/v1', '/apis/batch/v1', '/apis/events.k8s.io/v1', '/apis/discovery.k8s.io/v1', '/apis/coordination.k8s.io/v1', '/apis/authorization.k8s.io/v1', '/apis/nope/v9', '/api/v2'];
const RESOURCES = ['pods', 'services', 'deployments', 'replicasets', 'jobs', 'events', 'nodes', 'namespaces', 'configmaps', 'secrets', 'endpoints', 'endpointslices', 'leases', 'bindings', 'serviceaccounts', 'selfsubjectaccessreviews', 'gadgets'];
const SUBRESOURCES = ['status', 'scale', 'binding', 'eviction', 'log', 'finalize', 'exec', 'proxy', 'nope'];
const OTHER_PATHS = ['/', '/api', '/apis', '/version', '/healthz', '/openapi/v2', '/openapi/v3', '/openapi/v3/api/v1', '/openapi/v3/apis/nope/v1', '/apis/apps', '//api//v1//pods', '/api/v1/namespaces/default/pods/../../nodes'];
const QUERY_KEYS = ['watch', 'labelSelector', 'fieldSelector', 'limit', 'continue', 'resourceVersion', 'resourceVersionMatch', 'fieldValidation', 'dryRun', 'gracePeriodSeconds', 'propagationPolicy', 'timeoutSeconds', 'sendInitialEvents', 'allowWatchBookmarks', 'includeObject', 'hash', 'container', 'tailLines', 'follow'];
const QUERY_VALUES = ['', 'true', '0', '1', '-1', '99999999999999999999', 'Strict', 'Warn', 'All', 'Exact', 'NotOlderThan', 'Foreground', 'a=b', 'a in (b', '!', 'metadata.name=x', 'spec.bad=1', 'YWJj', 'Metadata'];
const CONTENT_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf', 'application/merge-patch+json', 'application/json-patch+json', 'application/strategic-merge-patch+json', 'text/plain', 'garbage/\u00e9'];
const ACCEPTS = ['application/json', 'application/json;as=Table;v=v1;g=meta.k8s.io', 'application/json;as=Table;v=v9;g=meta.k8s.io', 'application/vnd.kubernetes.protobuf', 'text/html', '*/*', ''];
const KINDS = [
  ['v1', 'Pod'],
  ['v1', 'Service'],
  ['apps/v1', 'Deployment'],
  ['batch/v1', 'Job'],
  ['v1', 'ConfigMap'],
  ['events.k8s.io/v1', 'Event'],
  ['v1', 'Gadget'],
  [5, null],
] as const;

function weirdValue(f: Fuzzer, depth: number): unknown {
  switch (Math.floor(f.next() * 9)) {
    case 0:
      return f.text(20);
    case 1:
      return f.pick([0, -1, 1.5, 1e308, -2147483649, 2 ** 53 + 1]);
    case 2:
      return f.chance(0.5);
    case 3:
      return null;
    case 4:
      return depth > 4 ? [] : Array.from({ length: Math.floor(f.next() * 3) }, () => weirdValue(f, depth + 1));
    case 5:
      return depth > 4 ? {} : Object.fromEntries(Array.from({ length: Math.floor(f.next() * 3) }, () => [f.pick(['name', 'spec', 'containers', 'image', 'ports', 'x', '$patch', 'metadata']), weirdValue(f, depth + 1)]));
    case 6:
      return 'x'.repeat(f.pick([1, 300, 70_000]));
    case 7:
      return { name: f.text(8), image: 'nginx', ports: [{ containerPort: weirdValue(f, depth + 1) }] };
    default:
      return f.text(4);
  }
}

function object(f: Fuzzer): Record<string, unknown> {
  const [apiVersion, kind] = f.pick(KINDS);
  const body: Record<string, unknown> = { apiVersion, kind, metadata: f.chance(0.8) ? { name: f.pick(['a', 'web', 'Bad_Name', '', f.text(70)]), labels: f.chance(0.3) ? weirdValue(f, 0) : { app: 'a' } } : weirdValue(f, 0) };
  if (f.chance(0.8)) body.spec = f.chance(0.5) ? { containers: [weirdValue(f, 1)], selector: weirdValue(f, 1), ports: [{ port: weirdValue(f, 2) }], template: weirdValue(f, 1) } : weirdValue(f, 0);
  if (f.chance(0.3)) body.data = weirdValue(f, 0);
  if (f.chance(0.3)) body[f.text(6)] = weirdValue(f, 0);
  return body;
}

function body(f: Fuzzer): unknown {
  switch (Math.floor(f.next() * 8)) {
    case 0:
      return undefined;
    case 1:
      return JSON.stringify(object(f)).slice(0, Math.floor(f.next() * 200));
    case 2:
      return JSON.stringify(object(f));
    case 3:
      return object(f);
    case 4:
      return JSON.stringify(f.pick([[{ op: 'add', path: '/metadata/labels/x', value: 'y' }], [{ op: 'bogus' }], [], 5, 'text', null]));
    case 5:
      return new Uint8Array([0x6b, 0x38, 0x73, 0x00, ...Array.from({ length: Math.floor(f.next() * 40) }, () => Math.floor(f.next() * 256))]);
    case 6:
      return 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: y\n  bad: [';
    default:
      return weirdValue(f, 0);
  }
}

/** A plausible object of the kind, with a few fields made wrong. */
function objectOf(f: Fuzzer, type: ResourceType): Record<string, unknown> {
  const apiVersion = type.group ? `${type.group}/${type.version}` : type.version;
  const labels = { app: 'a' };
  const template = { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }], restartPolicy: f.pick(['Always', 'Never']) } };
  const specs: Record<string, unknown> = {
    Pod: template.spec,
    Service: { selector: labels, ports: [{ port: 80 }], type: f.pick(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName', 'Fancy']), clusterIP: f.pick([undefined, 'None', '10.96.3.3', '10.96.0.10']) },
    Deployment: { replicas: 2, selector: { matchLabels: labels }, template },
    ReplicaSet: { replicas: 1, selector: { matchLabels: labels }, template },
    Job: { template },
    Lease: { holderIdentity: 'x', leaseDurationSeconds: 40 },
    Namespace: {},
    Node: { unschedulable: f.chance(0.5) },
  };
  const body: Record<string, unknown> = { apiVersion, kind: type.kind, metadata: { name: f.pick(['a', 'web', 'default']), labels } };
  if (specs[type.kind] !== undefined) body.spec = specs[type.kind];
  if (type.kind === 'ConfigMap') body.data = { k: 'v' };
  if (type.kind === 'EndpointSlice') Object.assign(body, { addressType: 'IPv4', endpoints: [{ addresses: ['10.244.1.2'] }] });
  if (type.kind === 'Binding') body.target = { kind: 'Node', name: 'n1' };
  const mutations = Math.floor(f.next() * 3);
  for (let i = 0; i < mutations; i++) {
    const target = f.pick([body, (body.spec as Record<string, unknown>) ?? body, body.metadata as Record<string, unknown>]);
    target[f.pick(['name', 'replicas', 'selector', 'containers', 'ports', 'labels', 'foo', 'template', 'type', 'data'])] = weirdValue(f, 1);
  }
  return body;
}

function path(f: Fuzzer): { path: string; type?: ResourceType } {
  if (f.chance(0.1)) return { path: f.pick(OTHER_PATHS) };
  if (f.chance(0.1)) {
    let p = f.pick(ROOTS);
    if (f.chance(0.5)) p += `/namespaces/${f.pick(['default', 'missing', '%', f.text(6)])}`;
    return { path: `${p}/${f.pick(RESOURCES)}${f.chance(0.5) ? `/${encodeURIComponent(f.text(8))}` : ''}` };
  }
  const type = f.pick(SERVED);
  const namespace = type.namespaced && f.chance(0.9) ? f.pick(['default', 'default', 'kube-system', 'missing']) : undefined;
  const name = f.chance(0.6) ? f.pick(['a', 'web', 'default', f.text(10)]) : undefined;
  const sub = name !== undefined && f.chance(0.3) ? f.pick([...type.subresources, ...SUBRESOURCES]) : undefined;
  return { path: resourcePath(type, namespace, name, sub), type };
}

export function randomRequest(f: Fuzzer): ApiRequest {
  const query: Record<string, string | string[]> = {};
  const count = Math.floor(f.next() * 4);
  for (let i = 0; i < count; i++) query[f.pick(QUERY_KEYS)] = f.chance(0.1) ? [f.pick(QUERY_VALUES), f.pick(QUERY_VALUES)] : f.pick(QUERY_VALUES);
  const headers: Record<string, string> = {};
  if (f.chance(0.8)) headers['content-type'] = f.pick(CONTENT_TYPES);
  if (f.chance(0.5)) headers.accept = f.pick(ACCEPTS);
  const target = path(f);
  const payload = target.type && f.chance(0.6) ? objectOf(f, target.type) : body(f);
  return { method: f.pick(METHODS), path: target.path, query, headers, body: f.chance(0.5) && typeof payload === 'object' && !(payload instanceof Uint8Array) ? JSON.stringify(payload) : payload };
}
