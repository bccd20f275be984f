// π to any number of significant digits, by Machin's formula π = 16·atan(1/5) − 4·atan(1/239)
// in fixed point: numbers are limbs of nine decimal digits (limb 0 the integer part), so the
// series needs only division by small integers, and the digits come out in base ten.

const BASE: u64 = 1_000_000_000;

class Fixed {
  limbs: StaticArray<u32>;

  constructor(size: i32) {
    this.limbs = new StaticArray<u32>(size);
  }

  isZero(): bool {
    for (let i = 0; i < this.limbs.length; i++) if (unchecked(this.limbs[i]) != 0) return false;
    return true;
  }

  /** this /= divisor (a small integer), truncating. */
  divide(divisor: u64): void {
    let remainder: u64 = 0;
    for (let i = 0; i < this.limbs.length; i++) {
      const current = remainder * BASE + u64(unchecked(this.limbs[i]));
      unchecked((this.limbs[i] = u32(current / divisor)));
      remainder = current % divisor;
    }
  }

  copyFrom(other: Fixed): void {
    for (let i = 0; i < this.limbs.length; i++) unchecked((this.limbs[i] = other.limbs[i]));
  }

  add(other: Fixed): void {
    let carry: u64 = 0;
    for (let i = this.limbs.length - 1; i >= 0; i--) {
      const sum = u64(unchecked(this.limbs[i])) + u64(unchecked(other.limbs[i])) + carry;
      unchecked((this.limbs[i] = u32(sum % BASE)));
      carry = sum / BASE;
    }
  }

  subtract(other: Fixed): void {
    let borrow: i64 = 0;
    for (let i = this.limbs.length - 1; i >= 0; i--) {
      let difference = i64(unchecked(this.limbs[i])) - i64(unchecked(other.limbs[i])) - borrow;
      borrow = 0;
      if (difference < 0) {
        difference += i64(BASE);
        borrow = 1;
      }
      unchecked((this.limbs[i] = u32(difference)));
    }
  }

  multiply(factor: u64): void {
    let carry: u64 = 0;
    for (let i = this.limbs.length - 1; i >= 0; i--) {
      const product = u64(unchecked(this.limbs[i])) * factor + carry;
      unchecked((this.limbs[i] = u32(product % BASE)));
      carry = product / BASE;
    }
  }
}

/** atan(1/x) = Σ (−1)^k / ((2k+1)·x^(2k+1)). */
function arctanInverse(x: u64, size: i32): Fixed {
  const sum = new Fixed(size);
  const power = new Fixed(size);
  const term = new Fixed(size);
  unchecked((power.limbs[0] = 1));
  power.divide(x);
  sum.copyFrom(power);
  const square = x * x;
  for (let k: u64 = 1; ; k++) {
    power.divide(square);
    if (power.isZero()) break;
    term.copyFrom(power);
    term.divide(2 * k + 1);
    if (k & 1) sum.subtract(term);
    else sum.add(term);
  }
  return sum;
}

/** The decimal digits of π (without the point), at least `count` of them, truncated. */
function piDigits(count: i32): string {
  const size = (count + 20) / 9 + 2;
  const pi = arctanInverse(5, size);
  pi.multiply(16);
  const correction = arctanInverse(239, size);
  correction.multiply(4);
  pi.subtract(correction);
  let digits = pi.limbs[0].toString();
  for (let i = 1; i < size; i++) digits += pi.limbs[i].toString().padStart(9, "0");
  return digits;
}

/** π rounded to `significant` digits, as Math::BigFloat's bpi(N) prints it: `3.14159…`. */
export function pi(significant: i32): string {
  if (significant < 1) return "0";
  const digits = piDigits(significant + 1);
  let kept = digits.substring(0, significant);
  if (digits.charCodeAt(significant) >= 53) {
    const chars = new Array<i32>(kept.length);
    for (let i = 0; i < kept.length; i++) chars[i] = kept.charCodeAt(i);
    let i = chars.length - 1;
    while (i >= 0 && chars[i] == 57) chars[i--] = 48;
    if (i >= 0) chars[i]++;
    kept = "";
    for (let k = 0; k < chars.length; k++) kept += String.fromCharCode(chars[k]);
  }
  return kept.length > 1 ? kept.charAt(0) + "." + kept.substring(1) : kept;
}
