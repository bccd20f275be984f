// The pod-template-hash: FNV-32a over a deterministic dump of the pod template (plus the
// collision count as eight little-endian bytes when set), printed in decimal and encoded with
// the safe alphabet, so names read `web-5d4b8c9f7d`. Upstream: pkg/controller/controller_utils.go
// (ComputeHash). Upstream dumps the Go struct with go-spew; kubetab dumps the stored JSON form
// (keys sorted, `key:value` pairs, `map[…]` and `[…]` as spew writes them), so equal templates
// always get equal hashes and different templates different names.

import type { PodTemplateSpec } from '../../api/core';
import { safeEncode } from '../../api/names';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function dump(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(dump).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([k, v]) => `${k}:${dump(v)}`).join(' ')}]`;
  }
  return String(value);
}

function fnv32a(bytes: Uint8Array, hash = FNV_OFFSET): number {
  let h = hash;
  for (const byte of bytes) {
    h ^= byte;
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  return h >>> 0;
}

export function podTemplateHash(template: PodTemplateSpec, collisionCount?: number): string {
  let hash = fnv32a(new TextEncoder().encode(dump(template)));
  if (collisionCount !== undefined) {
    const extra = new Uint8Array(8);
    new DataView(extra.buffer).setUint32(0, collisionCount >>> 0, true);
    hash = fnv32a(extra, hash);
  }
  return safeEncode(String(hash));
}
