import { describe, expect, it } from 'vitest';
import { unixNanoHex } from './event-recorder';

describe('event names', () => {
  it("end in the time's UnixNano in hex, exactly, as upstream's recorder names events", () => {
    const cases: [number, number][] = [
      [0, 0],
      [0, 999_999],
      [1, 0],
      [16_777_215, 999_999],
      [16_777_216, 0],
      [Date.UTC(2026, 10, 23, 22, 40, 1, 234), 567_891],
      [Date.UTC(2262, 3, 11), 999_999],
    ];
    for (let i = 0; i < 200; i++) cases.push([Math.floor(Math.random() * 2 ** 43), Math.floor(Math.random() * 1_000_000)]);
    for (const [ms, nanos] of cases) expect(unixNanoHex(ms, nanos)).toBe((BigInt(ms) * 1_000_000n + BigInt(nanos)).toString(16));
  });
});
