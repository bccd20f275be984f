// The process's own state: its arguments, its environment and its exit.

import { args_get, args_sizes_get, environ_get, environ_sizes_get, proc_exit } from "./wasi";

function readStrings(count: u32, pointers: usize): string[] {
  const out = new Array<string>();
  for (let i: u32 = 0; i < count; i++) {
    const start = load<u32>(pointers + (i << 2));
    let end = start;
    while (load<u8>(end) != 0) end++;
    out.push(String.UTF8.decodeUnsafe(start, end - start));
  }
  return out;
}

/** argv, argv[0] first. */
export function args(): string[] {
  const sizes = memory.data(8);
  args_sizes_get(sizes, sizes + 4);
  const count = load<u32>(sizes);
  const bufSize = load<u32>(sizes, 4);
  const pointers = new ArrayBuffer(i32(count) * 4);
  const buf = new ArrayBuffer(i32(bufSize));
  args_get(changetype<usize>(pointers), changetype<usize>(buf));
  return readStrings(count, changetype<usize>(pointers));
}

/** The environment as `NAME=value` strings, in the order the runtime gave them. */
export function environ(): string[] {
  const sizes = memory.data(8);
  environ_sizes_get(sizes, sizes + 4);
  const count = load<u32>(sizes);
  const bufSize = load<u32>(sizes, 4);
  const pointers = new ArrayBuffer(i32(count) * 4);
  const buf = new ArrayBuffer(i32(bufSize));
  environ_get(changetype<usize>(pointers), changetype<usize>(buf));
  return readStrings(count, changetype<usize>(pointers));
}

/** One environment variable, or `fallback`. */
export function getenv(name: string, fallback: string = ""): string {
  const entries = environ();
  const prefix = name + "=";
  for (let i = 0; i < entries.length; i++) {
    if (entries[i].startsWith(prefix)) return entries[i].substring(prefix.length);
  }
  return fallback;
}

export function exit(code: i32): void {
  proc_exit(u32(code));
}

/** The last path component of argv[0]: how a multi-call program knows what it was called as. */
export function basename(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) == 47) end--;
  const slash = path.lastIndexOf("/", end - 1);
  return path.substring(slash + 1, end);
}
