import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256';

describe('sha256Hex', () => {
  it('matches Node for the empty input, a block boundary and a few kilobytes', () => {
    const inputs = [new Uint8Array(0), new TextEncoder().encode('abc'), new Uint8Array(55).fill(7), new Uint8Array(64).fill(1), Uint8Array.from({ length: 5000 }, (_, i) => (i * 31) & 255)];
    for (const input of inputs) expect(sha256Hex(input)).toBe(createHash('sha256').update(input).digest('hex'));
  });
});
