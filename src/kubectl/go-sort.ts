// Go's sort.Sort (Go 1.23, which builds kubectl v1.32): pattern-defeating quicksort with
// insertion sort for short runs and heapsort as the fallback. It is not stable, and kubectl
// prints what it leaves, so items that compare equal come out in the order Go's exact steps put
// them, which this module reproduces step for step. Upstream: Go's src/sort/sort.go and
// zsortinterface.go.

interface SortData {
  less(i: number, j: number): boolean;
  swap(i: number, j: number): void;
}

type SortedHint = 'unknown' | 'increasing' | 'decreasing';

const MAX_INSERTION = 12;
const SHORTEST_NINTHER = 50;
const MAX_PIVOT_SWAPS = 4 * 3;
const MAX_PARTIAL_STEPS = 5;
const SHORTEST_SHIFTING = 50;
const UINT64 = (1n << 64n) - 1n;

/** Go's bits.Len for a non-negative int below 2^32. */
function bitLength(n: number): number {
  return 32 - Math.clz32(n);
}

/** Sorts `items` in place as Go's sort.Sort orders them with `less`. */
export function goSort<T>(items: T[], less: (a: T, b: T) => boolean): void {
  const n = items.length;
  if (n <= 1) return;
  const data: SortData = {
    less: (i, j) => less(items[i], items[j]),
    swap: (i, j) => {
      const item = items[i];
      items[i] = items[j];
      items[j] = item;
    },
  };
  pdqsort(data, 0, n, bitLength(n));
}

function insertionSort(data: SortData, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) {
    for (let j = i; j > a && data.less(j, j - 1); j--) data.swap(j, j - 1);
  }
}

function siftDown(data: SortData, lo: number, hi: number, first: number): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && data.less(first + child, first + child + 1)) child++;
    if (!data.less(first + root, first + child)) return;
    data.swap(first + root, first + child);
    root = child;
  }
}

function heapSort(data: SortData, a: number, b: number): void {
  const hi = b - a;
  for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) siftDown(data, i, hi, a);
  for (let i = hi - 1; i >= 0; i--) {
    data.swap(a, a + i);
    siftDown(data, 0, i, a);
  }
}

function pdqsort(data: SortData, a: number, b: number, limit: number): void {
  let wasBalanced = true;
  let wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= MAX_INSERTION) {
      insertionSort(data, a, b);
      return;
    }
    if (limit === 0) {
      heapSort(data, a, b);
      return;
    }
    if (!wasBalanced) {
      breakPatterns(data, a, b);
      limit--;
    }
    let { pivot, hint } = choosePivot(data, a, b);
    if (hint === 'decreasing') {
      reverseRange(data, a, b);
      pivot = b - 1 - (pivot - a);
      hint = 'increasing';
    }
    if (wasBalanced && wasPartitioned && hint === 'increasing' && partialInsertionSort(data, a, b)) return;
    if (a > 0 && !data.less(a - 1, pivot)) {
      a = partitionEqual(data, a, b, pivot);
      continue;
    }
    const { mid, alreadyPartitioned } = partition(data, a, b, pivot);
    wasPartitioned = alreadyPartitioned;
    const leftLength = mid - a;
    const rightLength = b - mid;
    const balanceThreshold = Math.trunc(length / 8);
    if (leftLength < rightLength) {
      wasBalanced = leftLength >= balanceThreshold;
      pdqsort(data, a, mid, limit);
      a = mid + 1;
    } else {
      wasBalanced = rightLength >= balanceThreshold;
      pdqsort(data, mid + 1, b, limit);
      b = mid;
    }
  }
}

/** One partition around data[pivot]: smaller items before it, the others after. */
function partition(data: SortData, a: number, b: number, pivot: number): { mid: number; alreadyPartitioned: boolean } {
  data.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  while (i <= j && data.less(i, a)) i++;
  while (i <= j && !data.less(j, a)) j--;
  if (i > j) {
    data.swap(j, a);
    return { mid: j, alreadyPartitioned: true };
  }
  data.swap(i, j);
  i++;
  j--;
  for (;;) {
    while (i <= j && data.less(i, a)) i++;
    while (i <= j && !data.less(j, a)) j--;
    if (i > j) break;
    data.swap(i, j);
    i++;
    j--;
  }
  data.swap(j, a);
  return { mid: j, alreadyPartitioned: false };
}

/** Moves the items equal to data[pivot] (none is smaller) before the greater ones. */
function partitionEqual(data: SortData, a: number, b: number, pivot: number): number {
  data.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  for (;;) {
    while (i <= j && !data.less(a, i)) i++;
    while (i <= j && data.less(a, j)) j--;
    if (i > j) return i;
    data.swap(i, j);
    i++;
    j--;
  }
}

/** Fixes a few out-of-order neighbours; true when the range ends up sorted. */
function partialInsertionSort(data: SortData, a: number, b: number): boolean {
  let i = a + 1;
  for (let step = 0; step < MAX_PARTIAL_STEPS; step++) {
    while (i < b && !data.less(i, i - 1)) i++;
    if (i === b) return true;
    if (b - a < SHORTEST_SHIFTING) return false;
    data.swap(i, i - 1);
    // Go shifts down to index 1 here, not to `a`; kept as Go does it.
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1 && data.less(j, j - 1); j--) data.swap(j, j - 1);
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b && data.less(j, j - 1); j++) data.swap(j, j - 1);
    }
  }
  return false;
}

/** Go's xorshift generator (shifts 13, 17, 5 on a uint64), seeded with the range's length. */
function xorshift(seed: number): () => bigint {
  let state = BigInt(seed);
  return () => {
    state ^= (state << 13n) & UINT64;
    state ^= state >> 17n;
    state ^= (state << 5n) & UINT64;
    return state;
  };
}

function breakPatterns(data: SortData, a: number, b: number): void {
  const length = b - a;
  if (length < 8) return;
  const next = xorshift(length);
  const mask = BigInt((1 << bitLength(length)) - 1);
  const middle = a + Math.trunc(length / 4) * 2;
  for (let index = middle - 1; index <= middle + 1; index++) {
    let other = Number(next() & mask);
    if (other >= length) other -= length;
    data.swap(index, a + other);
  }
}

function choosePivot(data: SortData, a: number, b: number): { pivot: number; hint: SortedHint } {
  const length = b - a;
  const quarter = Math.trunc(length / 4);
  const swaps = { count: 0 };
  let i = a + quarter;
  let j = a + quarter * 2;
  let k = a + quarter * 3;
  if (length >= 8) {
    if (length >= SHORTEST_NINTHER) {
      i = median(data, i - 1, i, i + 1, swaps);
      j = median(data, j - 1, j, j + 1, swaps);
      k = median(data, k - 1, k, k + 1, swaps);
    }
    j = median(data, i, j, k, swaps);
  }
  if (swaps.count === 0) return { pivot: j, hint: 'increasing' };
  if (swaps.count === MAX_PIVOT_SWAPS) return { pivot: j, hint: 'decreasing' };
  return { pivot: j, hint: 'unknown' };
}

/** The index of the median of data[a], data[b] and data[c], counting the swaps it took. */
function median(data: SortData, a: number, b: number, c: number, swaps: { count: number }): number {
  const order = (x: number, y: number): [number, number] => {
    if (data.less(y, x)) {
      swaps.count++;
      return [y, x];
    }
    return [x, y];
  };
  [a, b] = order(a, b);
  b = order(b, c)[0];
  return order(a, b)[1];
}

function reverseRange(data: SortData, a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) data.swap(i, j);
}
