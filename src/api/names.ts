// Generated names and identifiers as upstream makes them: `generateName` suffixes and
// pod-template hashes use the alphabet `bcdfghjklmnpqrstvwxz2456789` (no vowels, no 0/1/3), and
// uids are random version-4 UUIDs. Upstream: staging/src/k8s.io/apimachinery/pkg/util/rand.

export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Random bytes drawn from a pool refilled 4 KiB at a time (one host call per many names). */
const pool = new Uint8Array(4096);
let poolUsed = pool.length;

function randomBytes(n: number): Uint8Array {
  if (poolUsed + n > pool.length) {
    crypto.getRandomValues(pool);
    poolUsed = 0;
  }
  poolUsed += n;
  return pool.subarray(poolUsed - n, poolUsed);
}

/** `n` random characters from the safe alphabet. */
export function randomSuffix(n = 5): string {
  const bytes = randomBytes(n);
  let out = '';
  for (const byte of bytes) out += SAFE_ALPHABET[byte % SAFE_ALPHABET.length];
  return out;
}

/** `generateName` plus five random characters, the base trimmed so the result fits 63 bytes. */
export function generateName(base: string): string {
  const maxBase = 63 - 5;
  return (base.length > maxBase ? base.slice(0, maxBase) : base) + randomSuffix(5);
}

export function uuid(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = Uint8Array.from(randomBytes(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Encodes a 32-bit hash with the safe alphabet, as `rand.SafeEncodeString(fmt.Sprint(hash))`. */
export function safeEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += SAFE_ALPHABET[text.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}
