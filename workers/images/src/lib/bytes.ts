// A growable byte buffer: where streamed input (stdin, sockets, files) accumulates until a
// line, a request or the end arrives, so UTF-8 is decoded only on whole pieces.

export class ByteBuffer {
  private data: Uint8Array = new Uint8Array(256);
  length: i32 = 0;

  get dataStart(): usize {
    return this.data.dataStart;
  }

  private reserve(extra: i32): void {
    const needed = this.length + extra;
    if (needed <= this.data.length) return;
    let capacity = this.data.length * 2;
    while (capacity < needed) capacity *= 2;
    const bigger = new Uint8Array(capacity);
    memory.copy(bigger.dataStart, this.data.dataStart, this.length);
    this.data = bigger;
  }

  appendRaw(ptr: usize, len: i32): void {
    this.reserve(len);
    memory.copy(this.data.dataStart + this.length, ptr, len);
    this.length += len;
  }

  appendByte(byte: u8): void {
    this.reserve(1);
    this.data[this.length++] = byte;
  }

  appendBuffer(buf: ArrayBuffer): void {
    this.appendRaw(changetype<usize>(buf), buf.byteLength);
  }

  appendString(text: string): void {
    this.appendBuffer(String.UTF8.encode(text));
  }

  byteAt(index: i32): u8 {
    return this.data[index];
  }

  /** Index of the first `byte` at or after `from`, or -1. */
  indexOf(byte: u8, from: i32 = 0): i32 {
    for (let i = from; i < this.length; i++) if (unchecked(this.data[i]) == byte) return i;
    return -1;
  }

  /** Index of the first occurrence of `needle` (ASCII) at or after `from`, or -1. */
  indexOfString(needle: string, from: i32 = 0): i32 {
    const n = needle.length;
    for (let i = from; i + n <= this.length; i++) {
      let j = 0;
      while (j < n && u32(this.data[i + j]) == u32(needle.charCodeAt(j))) j++;
      if (j == n) return i;
    }
    return -1;
  }

  /** The first `count` bytes as a buffer, removed from this one. */
  take(count: i32): ArrayBuffer {
    const out = new ArrayBuffer(count);
    memory.copy(changetype<usize>(out), this.data.dataStart, count);
    memory.copy(this.data.dataStart, this.data.dataStart + count, this.length - count);
    this.length -= count;
    return out;
  }

  /** The first `count` bytes decoded as UTF-8, removed from this one. */
  takeString(count: i32): string {
    return String.UTF8.decode(this.take(count));
  }

  toBuffer(): ArrayBuffer {
    const out = new ArrayBuffer(this.length);
    memory.copy(changetype<usize>(out), this.data.dataStart, this.length);
    return out;
  }

  toString(): string {
    return String.UTF8.decodeUnsafe(this.data.dataStart, this.length);
  }

  /** Keeps the first `count` bytes. */
  truncate(count: i32): void {
    if (count < this.length) this.length = count;
  }

  clear(): void {
    this.length = 0;
  }
}
