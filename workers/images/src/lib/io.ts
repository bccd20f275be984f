// Reading and writing file descriptors: whole buffers and strings out, chunks in, with the errno
// of the last failure kept in `lastErrno` the way C keeps errno.

import "./abort";
import { ByteBuffer } from "./bytes";
import { Errno, errno, fd_fdstat_get, fd_read, fd_write, filetype } from "./wasi";

export const STDOUT: u32 = 1;
export const STDERR: u32 = 2;

/** The errno of the most recent failed call in lib/. */
export let lastErrno: Errno = 0;

export function setLastErrno(code: Errno): void {
  lastErrno = code;
}

/** Writes all `len` bytes at `ptr`; returns 0 or the errno. */
export function writeRaw(fd: u32, ptr: usize, len: usize): Errno {
  const iov = memory.data(16);
  let done: usize = 0;
  while (done < len) {
    store<u32>(iov, ptr + done);
    store<u32>(iov, len - done, 4);
    const code = fd_write(fd, iov, 1, iov + 8);
    if (code != 0) {
      lastErrno = code;
      return code;
    }
    const written = load<u32>(iov, 8);
    if (written == 0) return errno.IO;
    done += written;
  }
  return 0;
}

export function writeBuffer(fd: u32, data: ArrayBuffer): Errno {
  return writeRaw(fd, changetype<usize>(data), data.byteLength);
}

export function writeString(fd: u32, text: string): Errno {
  return writeBuffer(fd, String.UTF8.encode(text));
}

export function print(text: string): void {
  writeString(STDOUT, text);
}

export function printErr(text: string): void {
  writeString(STDERR, text);
}

/**
 * Reads at most `max` bytes into `into`; returns the count (0 at end of input) or -errno
 * (-27 when a handled signal interrupted the wait).
 */
export function readSome(fd: u32, into: ByteBuffer, max: i32 = 65536): i32 {
  const chunk = new ArrayBuffer(max);
  const iov = memory.data(16);
  store<u32>(iov, changetype<usize>(chunk));
  store<u32>(iov, max, 4);
  const code = fd_read(fd, iov, 1, iov + 8);
  if (code != 0) {
    lastErrno = code;
    return -i32(code);
  }
  const count = i32(load<u32>(iov, 8));
  into.appendRaw(changetype<usize>(chunk), count);
  return count;
}

/** Reads until the end of input; null (and lastErrno) on failure. */
export function readAll(fd: u32): ByteBuffer | null {
  const buffer = new ByteBuffer();
  while (true) {
    const count = readSome(fd, buffer);
    if (count < 0) return null;
    if (count == 0) return buffer;
  }
}

/** The WASI file type of a descriptor (filetype.*), or UNKNOWN. */
export function fdFiletype(fd: u32): u8 {
  const stat = memory.data(24);
  if (fd_fdstat_get(fd, stat) != 0) return filetype.UNKNOWN;
  return load<u8>(stat);
}

/** A terminal is a character device: kubetab presents a tty this way. */
export function isTerminal(fd: u32): bool {
  return fdFiletype(fd) == filetype.CHARACTER_DEVICE;
}
