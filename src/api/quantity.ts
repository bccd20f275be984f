// Resource quantities (`100m`, `1.5`, `128Mi`, `1G`, `2e3`): parsing to a number, and the
// canonical text form the API server stores. Upstream:
// staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go.

import { memoized } from '../util/memoized';

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

const PATTERN = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

export class QuantityError extends Error {}

/** The same few texts (`100m`, `128Mi`) recur in nearly every pod: each is converted once. */
const parsedQuantity = memoized(parseQuantityText);
const canonicalText = memoized(canonicalQuantityText);

/** The value of a quantity in base units (cores, bytes). */
export function parseQuantity(text: string | number): number {
  return typeof text === 'number' ? text : parsedQuantity(text);
}

function parseQuantityText(text: string): number {
  const match = PATTERN.exec(text.trim());
  if (!match) throw new QuantityError('quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'');
  const value = Number(match[1]);
  const suffix = match[2] ?? '';
  if (suffix in BINARY) return value * BINARY[suffix];
  if (suffix in DECIMAL) return value * DECIMAL[suffix];
  return value * 10 ** Number(suffix.slice(1));
}

export function isQuantity(text: unknown): boolean {
  if (typeof text === 'number') return Number.isFinite(text);
  return typeof text === 'string' && PATTERN.test(text.trim());
}

/** CPU in millicores, rounded up as the scheduler accounts it. */
export function milliCpu(text: string | undefined): number {
  return text === undefined ? 0 : Math.ceil(parseQuantity(text) * 1000 - 1e-9);
}

/** Bytes, rounded up. */
export function bytes(text: string | undefined): number {
  return text === undefined ? 0 : Math.ceil(parseQuantity(text) - 1e-9);
}

/**
 * The canonical form the API server stores: the input's suffix family kept, with the largest
 * unit that leaves a whole mantissa (`1000m` → `1`, `1.5` → `1500m`, `1024Ki` → `1Mi`,
 * `1536` → `1536`).
 */
export function canonicalQuantity(text: string | number): string {
  return typeof text === 'number' ? canonicalQuantityText(String(text)) : canonicalText(text);
}

function whole(n: number): boolean {
  return Math.abs(n - Math.round(n)) < 1e-9 * Math.max(1, Math.abs(n));
}

function canonicalQuantityText(text: string): string {
  const source = text.trim();
  const match = PATTERN.exec(source);
  if (!match) return source;
  const suffix = match[2] ?? '';
  const value = parseQuantity(source);
  if (value === 0) return '0';
  if (suffix in BINARY && whole(value)) {
    let mantissa = Math.round(value);
    let unit = 0;
    while (unit < 6 && mantissa % 1024 === 0 && mantissa !== 0) {
      mantissa /= 1024;
      unit++;
    }
    return `${mantissa}${['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][unit]}`;
  }
  const exponential = /^[eE]/.test(suffix);
  for (let exponent = 18; exponent >= -9; exponent -= 3) {
    const mantissa = value / 10 ** exponent;
    if (Math.abs(mantissa) < 1 || !whole(mantissa)) continue;
    const unit = exponential ? (exponent === 0 ? '' : `e${exponent}`) : ['n', 'u', 'm', '', 'k', 'M', 'G', 'T', 'P', 'E'][exponent / 3 + 3];
    return `${Math.round(mantissa)}${unit}`;
  }
  return `${Math.ceil(value * 1e9)}n`;
}
