// Typed access to the program's linear memory for the host functions: integers, strings and
// iovec lists at guest pointers. The buffer is looked up on every access because memory.grow
// replaces it.

import { IOVEC_SIZE } from '../wasi/layout';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class GuestMemory {
  memory: WebAssembly.Memory | undefined;

  get view(): DataView {
    return new DataView(this.buffer);
  }

  get bytes(): Uint8Array {
    return new Uint8Array(this.buffer);
  }

  get byteLength(): number {
    return this.memory ? this.memory.buffer.byteLength : 0;
  }

  private get buffer(): ArrayBuffer {
    if (!this.memory) throw new Error('the program has no memory');
    return this.memory.buffer;
  }

  u32(ptr: number): number {
    return this.view.getUint32(ptr, true);
  }

  u64(ptr: number): bigint {
    return this.view.getBigUint64(ptr, true);
  }

  setU8(ptr: number, value: number): void {
    this.view.setUint8(ptr, value);
  }

  setU16(ptr: number, value: number): void {
    this.view.setUint16(ptr, value, true);
  }

  setU32(ptr: number, value: number): void {
    this.view.setUint32(ptr, value, true);
  }

  setU64(ptr: number, value: bigint | number): void {
    this.view.setBigUint64(ptr, BigInt(value), true);
  }

  string(ptr: number, len: number): string {
    return decoder.decode(this.bytes.subarray(ptr, ptr + len));
  }

  /** Copies bytes out of the guest (the slice survives memory growth). */
  read(ptr: number, len: number): Uint8Array {
    return this.bytes.slice(ptr, ptr + len);
  }

  write(ptr: number, data: Uint8Array): void {
    this.bytes.set(data, ptr);
  }

  /** Writes `text` as UTF-8 into a buffer of `capacity` bytes; returns the bytes written. */
  writeString(ptr: number, capacity: number, text: string): number {
    const data = encoder.encode(text).subarray(0, capacity);
    this.write(ptr, data);
    return data.length;
  }

  /** The (pointer, length) pairs of an iovec array. */
  iovecs(ptr: number, count: number): { ptr: number; len: number }[] {
    const list = [];
    for (let i = 0; i < count; i++) list.push({ ptr: this.u32(ptr + i * IOVEC_SIZE), len: this.u32(ptr + i * IOVEC_SIZE + 4) });
    return list;
  }

  /** Concatenates the bytes an iovec array points at (a write's payload). */
  gather(ptr: number, count: number): Uint8Array {
    const parts = this.iovecs(ptr, count);
    const out = new Uint8Array(parts.reduce((sum, part) => sum + part.len, 0));
    let offset = 0;
    for (const part of parts) {
      out.set(this.bytes.subarray(part.ptr, part.ptr + part.len), offset);
      offset += part.len;
    }
    return out;
  }

  /** Spreads `data` over an iovec array (a read's destination); returns the bytes placed. */
  scatter(ptr: number, count: number, data: Uint8Array): number {
    let offset = 0;
    for (const part of this.iovecs(ptr, count)) {
      if (offset >= data.length) break;
      const chunk = data.subarray(offset, offset + part.len);
      this.write(part.ptr, chunk);
      offset += chunk.length;
    }
    return offset;
  }

  /** The total capacity of an iovec array. */
  capacity(ptr: number, count: number): number {
    return this.iovecs(ptr, count).reduce((sum, part) => sum + part.len, 0);
  }
}
