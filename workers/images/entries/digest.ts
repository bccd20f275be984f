// Stable made-up image digests: `sha256:` and 64 hex digits derived from a name, so every tag
// of every catalog image reports the same imageID on every run. They are not hashes of content.

function fnv1a(text: string, seed: bigint): bigint {
  let hash = 0xcbf29ce484222325n ^ seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash;
}

export function stableDigest(name: string): string {
  let hex = '';
  for (let part = 0n; part < 4n; part++) hex += fnv1a(name, part * 0x9e3779b97f4a7c15n).toString(16).padStart(16, '0');
  return `sha256:${hex}`;
}
