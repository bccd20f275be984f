// Serves /openapi/v2 and /openapi/v3: documents built on first request and cached (the
// schema never changes while the server runs), v3 discovery with a content hash per
// group/version, immutable caching for hashed URLs and a redirect for stale hashes, and 406 for
// the protobuf forms kubetab does not produce. Upstream: k8s.io/kube-openapi/pkg/handler and handler3.

import { errors } from '../errors';
import type { ApiRequest, ApiResponse } from '../request';
import { openApiV2, openApiV3, v3GroupVersions } from './documents';

const cache = new Map<string, { body: unknown; hash: string }>();

/** A 128-bit FNV-1a digest, hex: stands in for upstream's content hash (only equality matters). */
function digest(text: string): string {
  const lanes = [0x811c9dc5, 0x01000193 ^ 0x5bd1e995, 0x9e3779b9, 0x7f4a7c15];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    for (let lane = 0; lane < 4; lane++) lanes[lane] = Math.imul(lanes[lane] ^ (c + lane), 0x01000193) >>> 0;
  }
  return lanes.map((n) => n.toString(16).padStart(8, '0')).join('').toUpperCase();
}

function document(key: string, build: () => unknown): { body: unknown; hash: string } | undefined {
  let entry = cache.get(key);
  if (!entry) {
    const body = build();
    if (body === undefined) return undefined;
    entry = { body, hash: digest(JSON.stringify(body)) };
    cache.set(key, entry);
  }
  return entry;
}

function acceptsJson(req: ApiRequest): boolean {
  const accept = req.headers?.accept ?? '';
  return accept === '' || /application\/json|\*\/\*|application\/\*/.test(accept);
}

export function serveOpenApi(req: ApiRequest, path: string): ApiResponse {
  if (!acceptsJson(req)) throw errors.notAcceptable('only the following media types are accepted: application/json');
  if (path === '/openapi/v2') {
    const doc = document('v2', openApiV2) as { body: unknown; hash: string };
    return { status: 200, headers: { 'content-type': 'application/json', etag: `"${doc.hash}"` }, body: doc.body };
  }
  if (path === '/openapi/v3') {
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const gv of v3GroupVersions()) {
      const doc = document(gv, () => openApiV3(gv)) as { body: unknown; hash: string };
      paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${doc.hash}` };
    }
    return { status: 200, headers: { 'content-type': 'application/json' }, body: { paths } };
  }
  const gv = path.slice('/openapi/v3/'.length);
  const doc = document(gv, () => openApiV3(gv));
  if (!doc) throw errors.notFoundPath();
  const requested = req.query?.hash;
  const hash = Array.isArray(requested) ? requested[requested.length - 1] : requested;
  if (hash && hash !== doc.hash) {
    return { status: 301, headers: { 'content-type': 'application/json', location: `/openapi/v3/${gv}?hash=${doc.hash}` }, body: { paths: {} } };
  }
  const caching: Record<string, string> = hash ? { 'cache-control': 'public, immutable', expires: new Date(Date.UTC(2100, 0, 1)).toUTCString() } : {};
  return { status: 200, headers: { 'content-type': 'application/json', etag: `"${doc.hash}"`, ...caching }, body: doc.body };
}
