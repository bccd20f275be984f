import { describe, expect, it } from 'vitest';
import { goSort } from './go-sort';

/** Indices 0..n-1 keyed by `key`, sorted by key as Go's sort.Sort leaves them. */
function sortedIndices(n: number, key: (i: number) => number): number[] {
  const items = Array.from({ length: n }, (_, i) => ({ i, key: key(i) }));
  goSort(items, (a, b) => a.key < b.key);
  return items.map((item) => item.i);
}

// Orders the real kubectl v1.32 printed for `kubectl events` over events e000…e(n-1), listed in
// that order, whose lastTimestamp is the key in seconds: ties are where Go's sort shows.
const REAL_SAWTOOTH_100 = [
  21, 56, 63, 49, 70, 98, 42, 7, 35, 77, 28, 84, 0, 91, 14, 29, 99, 57, 1, 64, 85, 15, 22, 50, 43, 92, 71, 36, 8, 78, 44, 65, 79, 58, 9, 2, 86, 37, 51, 23, 72, 93, 30, 16, 59, 38, 31, 66, 17, 3,
  73, 45, 52, 80, 10, 24, 87, 94, 25, 39, 60, 4, 95, 11, 53, 88, 18, 67, 81, 32, 46, 74, 89, 19, 61, 75, 5, 96, 33, 54, 12, 68, 82, 47, 26, 40, 20, 69, 48, 55, 90, 13, 27, 83, 6, 62, 34, 97, 76, 41,
];
const REAL_SCATTERED_200 = [
  0, 27, 194, 159, 89, 151, 167, 132, 116, 97, 186, 35, 124, 62, 54, 70, 19, 84, 127, 92, 57, 14, 22, 173, 76, 146, 49, 119, 189, 111, 30, 154, 181, 71, 168, 106, 36, 87, 114, 79, 9, 184, 17, 133,
  44, 141, 149, 176, 52, 66, 74, 171, 198, 190, 39, 12, 163, 47, 144, 4, 136, 101, 31, 93, 128, 109, 166, 150, 193, 69, 34, 61, 131, 88, 26, 104, 185, 123, 158, 96, 53, 7, 180, 83, 188, 118, 110,
  161, 126, 13, 153, 91, 64, 29, 56, 145, 21, 48, 51, 113, 43, 148, 140, 24, 175, 105, 16, 183, 121, 78, 86, 8, 170, 143, 38, 100, 81, 162, 3, 46, 135, 108, 65, 11, 178, 197, 73, 157, 68, 41, 130,
  6, 122, 33, 165, 192, 60, 95, 138, 103, 25, 20, 98, 187, 28, 55, 125, 63, 1, 90, 117, 195, 152, 160, 179, 82, 77, 120, 85, 155, 42, 112, 15, 147, 182, 50, 174, 58, 23, 139, 45, 10, 99, 142, 196,
  107, 134, 177, 169, 2, 18, 72, 37, 115, 80, 67, 164, 156, 199, 75, 5, 191, 172, 40, 129, 137, 32, 94, 102, 59,
];

describe("Go's sort.Sort", () => {
  it('keeps equal items in order when there are at most 12 (insertion sort)', () => {
    expect(sortedIndices(12, (i) => i % 3)).toEqual([0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11]);
  });

  it('leaves ties where the real kubectl does, also when it breaks patterns', () => {
    expect(sortedIndices(100, (i) => i % 7)).toEqual(REAL_SAWTOOTH_100);
    expect(sortedIndices(200, (i) => ((i * 1103515245 + 12345) % 97) % 13)).toEqual(REAL_SCATTERED_200);
  });

  it('sorts random, reversed, zigzag and repetitive input', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647);
    const inputs = [
      Array.from({ length: 1000 }, () => random() % 50),
      Array.from({ length: 500 }, (_, i) => 500 - i),
      Array.from({ length: 700 }, (_, i) => (i % 2 === 0 ? i : 700 - i)),
      Array.from({ length: 300 }, (_, i) => (i * i) % 17),
    ];
    for (const input of inputs) {
      const sorted = [...input];
      goSort(sorted, (a, b) => a < b);
      expect(sorted).toEqual([...input].sort((a, b) => a - b));
    }
  });
});
