// Reads and rewrites the memory limits in a WebAssembly binary: the size of a defined or
// imported memory, and a copy of the module whose memory maximum is capped (memory limits).

export interface MemoryLimits {
  imported: boolean;
  initialPages: number;
  maximumPages?: number;
}

interface LimitsAt extends MemoryLimits {
  /** Byte range of the limits inside the binary, and of the section holding them. */
  start: number;
  end: number;
  sectionStart: number;
  sectionPayload: number;
  sectionEnd: number;
  flags: number;
}

const IMPORT_SECTION = 2;
const MEMORY_SECTION = 5;
const MEMORY64_FLAG = 4;

class Reader {
  constructor(
    readonly bytes: Uint8Array,
    public at = 0,
  ) {}

  byte(): number {
    if (this.at >= this.bytes.length) throw new Error('truncated WebAssembly binary');
    return this.bytes[this.at++];
  }

  leb(): number {
    let result = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
  }

  skip(count: number): void {
    this.at += count;
  }

  limits(): { flags: number; min: number; max?: number } {
    const flags = this.byte();
    const min = this.leb();
    const max = flags & 1 ? this.leb() : undefined;
    return { flags, min, max };
  }
}

function encodeLeb(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  do {
    let b = rest % 128;
    rest = Math.floor(rest / 128);
    if (rest > 0) b |= 0x80;
    out.push(b);
  } while (rest > 0);
  return out;
}

function findMemory(bytes: Uint8Array): LimitsAt | undefined {
  const r = new Reader(bytes, 8);
  while (r.at < bytes.length) {
    const sectionStart = r.at;
    const id = r.byte();
    const size = r.leb();
    const sectionPayload = r.at;
    const sectionEnd = r.at + size;
    if (id === IMPORT_SECTION) {
      for (let count = r.leb(); count > 0; count--) {
        r.skip(r.leb());
        r.skip(r.leb());
        const kind = r.byte();
        if (kind === 0) r.leb();
        else if (kind === 1) {
          r.byte();
          r.limits();
        } else if (kind === 2) {
          const start = r.at;
          const { flags, min, max } = r.limits();
          return { imported: true, initialPages: min, maximumPages: max, start, end: r.at, sectionStart, sectionPayload, sectionEnd, flags };
        } else if (kind === 3) r.skip(2);
        else if (kind === 4) {
          r.byte();
          r.leb();
        } else throw new Error(`unknown import kind ${kind}`);
      }
    } else if (id === MEMORY_SECTION && r.leb() > 0) {
      const start = r.at;
      const { flags, min, max } = r.limits();
      return { imported: false, initialPages: min, maximumPages: max, start, end: r.at, sectionStart, sectionPayload, sectionEnd, flags };
    }
    r.at = sectionEnd;
  }
  return undefined;
}

/** The module's memory (defined or imported), if it has one. */
export function memoryLimits(bytes: Uint8Array): MemoryLimits | undefined {
  const found = findMemory(bytes);
  return found && { imported: found.imported, initialPages: found.initialPages, maximumPages: found.maximumPages };
}

/** A copy of the binary whose memory can grow to at most `maxPages` (64-bit memories are left alone). */
export function capMemory(bytes: Uint8Array, maxPages: number): Uint8Array<ArrayBuffer> {
  const found = findMemory(bytes);
  if (!found || found.flags & MEMORY64_FLAG) return bytes.slice();
  const maximum = Math.min(found.maximumPages ?? maxPages, maxPages);
  const limits = [found.flags | 1, ...encodeLeb(found.initialPages), ...encodeLeb(maximum)];
  const payload = [...bytes.subarray(found.sectionPayload, found.start), ...limits, ...bytes.subarray(found.end, found.sectionEnd)];
  const section = [bytes[found.sectionStart], ...encodeLeb(payload.length), ...payload];
  const out = new Uint8Array(found.sectionStart + section.length + (bytes.length - found.sectionEnd));
  out.set(bytes.subarray(0, found.sectionStart));
  out.set(section, found.sectionStart);
  out.set(bytes.subarray(found.sectionEnd), found.sectionStart + section.length);
  return out;
}
