// Where an applet's input comes from and its output goes: a file descriptor, an in-memory
// buffer (pipes and command substitution run their stages one after the other), or nowhere.

import { ByteBuffer } from "../lib/bytes";
import { readSome, writeBuffer, writeString } from "../lib/io";
import { errno } from "../lib/wasi";

/**
 * How much one pipe stage may buffer before its writes fail like a broken pipe: stages run one
 * after the other, so an endless producer (`yes | head`) must be stopped somewhere.
 */
const PIPE_CAPACITY: i32 = 4 << 20;

export abstract class Sink {
  /** Set when a write failed (a closed descriptor, a full pipe): writers should stop. */
  failed: bool = false;
  abstract write(text: string): void;
  abstract writeBytes(data: ArrayBuffer): void;
}

export class FdSink extends Sink {
  constructor(public fd: u32) {
    super();
  }

  write(text: string): void {
    if (writeString(this.fd, text) != 0) this.failed = true;
  }

  writeBytes(data: ArrayBuffer): void {
    if (writeBuffer(this.fd, data) != 0) this.failed = true;
  }
}

export class BufferSink extends Sink {
  buffer: ByteBuffer = new ByteBuffer();

  write(text: string): void {
    this.writeBytes(String.UTF8.encode(text));
  }

  writeBytes(data: ArrayBuffer): void {
    if (this.buffer.length + data.byteLength > PIPE_CAPACITY) {
      this.failed = true;
      return;
    }
    this.buffer.appendBuffer(data);
  }

  text(): string {
    return this.buffer.toString();
  }
}

export class NullSink extends Sink {
  write(_text: string): void {}
  writeBytes(_data: ArrayBuffer): void {}
}

export abstract class Source {
  /** Bytes read but not yet consumed (the rest of a line). */
  protected pending: ByteBuffer = new ByteBuffer();
  protected ended: bool = false;
  /** Set when a handled signal interrupted a read; cleared by the next read. */
  interrupted: bool = false;

  /** Reads more into `pending`: the count, 0 at the end, or -errno. */
  protected abstract fill(): i32;

  /** The next line without its newline; null at the end of input or on interruption. */
  readLine(): string | null {
    this.interrupted = false;
    while (true) {
      const newline = this.pending.indexOf(10);
      if (newline >= 0) {
        const line = this.pending.takeString(newline + 1);
        return line.substring(0, line.length - 1);
      }
      if (this.ended || !this.more()) {
        if (this.interrupted || this.pending.length == 0) return null;
        return this.pending.takeString(this.pending.length);
      }
    }
  }

  /** Everything up to the end of input; null if interrupted. */
  readAll(): ByteBuffer | null {
    this.interrupted = false;
    while (!this.ended) {
      if (!this.more()) break;
    }
    if (this.interrupted) return null;
    const out = new ByteBuffer();
    out.appendBuffer(this.pending.toBuffer());
    this.pending.clear();
    return out;
  }

  /** The next chunk as it arrives; null at the end of input or on interruption. */
  readChunk(): ArrayBuffer | null {
    this.interrupted = false;
    if (this.pending.length == 0 && !this.ended) this.more();
    if (this.pending.length == 0) return null;
    return this.pending.take(this.pending.length);
  }

  private more(): bool {
    const count = this.fill();
    if (count == -i32(errno.INTR)) {
      this.interrupted = true;
      return false;
    }
    if (count <= 0) {
      this.ended = true;
      return false;
    }
    return true;
  }
}

export class FdSource extends Source {
  constructor(public fd: u32) {
    super();
  }

  protected fill(): i32 {
    return readSome(this.fd, this.pending);
  }
}

export class BufferSource extends Source {
  constructor(data: ByteBuffer) {
    super();
    this.pending = data;
    this.ended = true;
  }

  protected fill(): i32 {
    return 0;
  }

  static of(text: string): BufferSource {
    const data = new ByteBuffer();
    data.appendString(text);
    return new BufferSource(data);
  }
}
