// The container's filesystem as WASI presents it: preopened directories (usually `/`, maybe one
// per mount), a working directory the program keeps itself (WASI has none; it starts at $PWD),
// and whole-path operations that pick the preopen holding a path. Failures return null or an
// errno and leave it in io.lastErrno.

import { ByteBuffer } from "./bytes";
import { lastErrno, readSome, setLastErrno, writeBuffer } from "./io";
import { getenv } from "./process";
import {
  Errno, errno, fd_close, fd_fdstat_get, fd_prestat_dir_name, fd_prestat_get, fd_readdir, fd_seek,
  fdflags, filetype, FST_ATIM_NOW, FST_MTIM_NOW, LOOKUP_SYMLINK_FOLLOW, oflags, path_create_directory,
  path_filestat_get, path_filestat_set_times, path_open, path_remove_directory, path_rename, path_unlink_file, rights,
} from "./wasi";

class Preopen {
  constructor(public fd: u32, public path: string, public rights: u64) {}
}

let preopenList: Preopen[] | null = null;
let workingDirectory: string | null = null;

function preopens(): Preopen[] {
  let list = preopenList;
  if (list !== null) return list;
  list = new Array<Preopen>();
  const prestat = memory.data(8);
  const fdstat = memory.data(24);
  for (let fd: u32 = 3; fd < 64; fd++) {
    if (fd_prestat_get(fd, prestat) != 0) break;
    if (load<u8>(prestat) != 0) continue;
    const nameLen = load<u32>(prestat, 4);
    const name = new ArrayBuffer(i32(nameLen));
    fd_prestat_dir_name(fd, changetype<usize>(name), nameLen);
    let path = String.UTF8.decode(name);
    while (path.length > 1 && path.endsWith("/")) path = path.substring(0, path.length - 1);
    if (path == "." || path == "" || path == "./") path = "/";
    if (!path.startsWith("/")) path = "/" + path;
    const rights: u64 = fd_fdstat_get(fd, fdstat) == 0 ? load<u64>(fdstat, 16) : 0xffff_ffff_ffff_ffff;
    list.push(new Preopen(fd, path, rights));
  }
  preopenList = list;
  return list;
}

/** The absolute form of `path`: relative to the working directory, `.`, `..` and `//` resolved. */
export function absolutePath(path: string): string {
  const full = path.startsWith("/") ? path : cwd() + "/" + path;
  const parts = full.split("/");
  const out = new Array<string>();
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part == "" || part == ".") continue;
    if (part == "..") {
      if (out.length > 0) out.pop();
      continue;
    }
    out.push(part);
  }
  return "/" + out.join("/");
}

export function cwd(): string {
  const known = workingDirectory;
  if (known !== null) return known;
  const pwd = getenv("PWD");
  const dir = pwd.startsWith("/") ? absolutePath(pwd) : "/";
  workingDirectory = dir;
  return dir;
}

/** Changes the working directory; 0 or the errno (ENOENT, ENOTDIR). */
export function chdir(path: string): Errno {
  const target = absolutePath(path);
  const info = stat(target);
  if (info === null) return lastErrno;
  if (info.filetype != filetype.DIRECTORY) return errno.NOTDIR;
  workingDirectory = target;
  return 0;
}

class Located {
  constructor(public dir: Preopen, public relative: ArrayBuffer) {}
}

function locate(path: string): Located | null {
  const abs = absolutePath(path);
  const list = preopens();
  let best: Preopen | null = null;
  for (let i = 0; i < list.length; i++) {
    const p = list[i];
    const inside = p.path == "/" || abs == p.path || abs.startsWith(p.path + "/");
    if (inside && (best === null || p.path.length > best.path.length)) best = p;
  }
  if (best === null) {
    setLastErrno(errno.NOENT);
    return null;
  }
  let rel = best.path == "/" ? abs.substring(1) : abs.substring(best.path.length + 1);
  if (rel == "") rel = ".";
  return new Located(best, String.UTF8.encode(rel));
}

export class FileStat {
  filetype: u8 = 0;
  size: i64 = 0;
  nlink: i64 = 1;
  /** Modification time, nanoseconds since the epoch. */
  mtimeNs: i64 = 0;

  get isDirectory(): bool {
    return this.filetype == filetype.DIRECTORY;
  }
}

function readFilestat(buf: usize): FileStat {
  const info = new FileStat();
  info.filetype = load<u8>(buf, 16);
  info.nlink = load<i64>(buf, 24);
  info.size = load<i64>(buf, 32);
  info.mtimeNs = load<i64>(buf, 48);
  return info;
}

export function stat(path: string): FileStat | null {
  const at = locate(path);
  if (at === null) return null;
  const buf = memory.data(64);
  const code = path_filestat_get(at.dir.fd, LOOKUP_SYMLINK_FOLLOW, changetype<usize>(at.relative), at.relative.byteLength, buf);
  if (code != 0) {
    setLastErrno(code);
    return null;
  }
  return readFilestat(buf);
}

export function exists(path: string): bool {
  return stat(path) !== null;
}

export function isDirectory(path: string): bool {
  const info = stat(path);
  return info !== null && info.isDirectory;
}

// Rights asked for per use: a host opens a file writable only when write rights are asked for,
// which read-only mounts and directories refuse.
const READ_RIGHTS: u64 = rights.FD_READ | rights.FD_SEEK | rights.FD_TELL | rights.FD_FILESTAT_GET | rights.POLL_FD_READWRITE;
const WRITE_RIGHTS: u64 = READ_RIGHTS | rights.FD_WRITE | rights.FD_FILESTAT_SET_SIZE | rights.FD_FILESTAT_SET_TIMES;
const DIRECTORY_RIGHTS: u64 = rights.FD_READDIR | rights.FD_FILESTAT_GET | rights.PATH_OPEN | rights.PATH_FILESTAT_GET;

export enum OpenMode {
  Read,
  /** Create or truncate, then write (`>`). */
  Write,
  /** Create if missing, write at the end (`>>`). */
  Append,
  /** Open a directory for listing. */
  Directory,
}

/** Opens `path`; the descriptor or -errno. `/dev/stdin`, `/dev/stdout` and `/dev/stderr` are 0, 1, 2. */
export function open(path: string, mode: OpenMode): i32 {
  const abs = absolutePath(path);
  if (abs == "/dev/stdin") return 0;
  if (abs == "/dev/stdout") return 1;
  if (abs == "/dev/stderr") return 2;
  const at = locate(abs);
  if (at === null) return -i32(lastErrno);
  let flags: u16 = 0;
  let fdFlags: u16 = 0;
  if (mode == OpenMode.Write) flags = oflags.CREAT | oflags.TRUNC;
  else if (mode == OpenMode.Append) {
    flags = oflags.CREAT;
    fdFlags = fdflags.APPEND;
  } else if (mode == OpenMode.Directory) flags = oflags.DIRECTORY;
  const out = memory.data(4);
  const wanted = mode == OpenMode.Read ? READ_RIGHTS : mode == OpenMode.Directory ? DIRECTORY_RIGHTS : WRITE_RIGHTS;
  const rights = wanted & at.dir.rights;
  const code = path_open(at.dir.fd, LOOKUP_SYMLINK_FOLLOW, changetype<usize>(at.relative), at.relative.byteLength, flags, rights, rights, fdFlags, out);
  if (code != 0) {
    setLastErrno(code);
    return -i32(code);
  }
  return i32(load<u32>(out));
}

/** Closes a descriptor this program opened (never stdin, stdout or stderr). */
export function close(fd: i32): void {
  if (fd > 2) fd_close(u32(fd));
}

/** Moves a descriptor's offset; the new offset or -errno. */
export function seek(fd: i32, offset: i64, from: u8): i64 {
  const out = memory.data(8);
  const code = fd_seek(u32(fd), offset, from, out);
  if (code != 0) {
    setLastErrno(code);
    return -i64(code);
  }
  return load<i64>(out);
}

export function readFileBytes(path: string): ByteBuffer | null {
  if (absolutePath(path) == "/dev/null") return new ByteBuffer();
  const info = stat(path);
  if (info !== null && info.isDirectory) {
    setLastErrno(errno.ISDIR);
    return null;
  }
  const fd = open(path, OpenMode.Read);
  if (fd < 0) return null;
  const buffer = new ByteBuffer();
  while (true) {
    const count = readSome(u32(fd), buffer);
    if (count <= 0) {
      close(fd);
      return count < 0 ? null : buffer;
    }
  }
}

export function readFile(path: string): string | null {
  const bytes = readFileBytes(path);
  return bytes === null ? null : bytes.toString();
}

/** Writes `data` to `path`, replacing it or appending; 0 or the errno. */
export function writeFile(path: string, data: ArrayBuffer, append: bool = false): Errno {
  if (absolutePath(path) == "/dev/null") return 0;
  const fd = open(path, append ? OpenMode.Append : OpenMode.Write);
  if (fd < 0) return <Errno>(-fd);
  const code = writeBuffer(u32(fd), data);
  close(fd);
  return code;
}

export class DirEntry {
  constructor(public name: string, public filetype: u8) {}
}

/** The entries of a directory, without `.` and `..`, in the order the filesystem gives. */
export function listDirectory(path: string): DirEntry[] | null {
  const fd = open(path, OpenMode.Directory);
  if (fd < 0) return null;
  const entries = new Array<DirEntry>();
  const size = 16384;
  const buf = new ArrayBuffer(size);
  const used = memory.data(4);
  let cookie: u64 = 0;
  while (true) {
    const code = fd_readdir(u32(fd), changetype<usize>(buf), size, cookie, used);
    if (code != 0) {
      close(fd);
      setLastErrno(code);
      return null;
    }
    const filled = load<u32>(used);
    let offset: u32 = 0;
    let complete = 0;
    while (offset + 24 <= filled) {
      const entry = changetype<usize>(buf) + offset;
      const nameLen = load<u32>(entry, 16);
      if (offset + 24 + nameLen > filled) break;
      const name = String.UTF8.decodeUnsafe(entry + 24, nameLen);
      if (name != "." && name != "..") entries.push(new DirEntry(name, load<u8>(entry, 20)));
      cookie = load<u64>(entry);
      offset += 24 + nameLen;
      complete++;
    }
    if (filled < u32(size) || complete == 0) break;
  }
  close(fd);
  return entries;
}

function withPath(path: string, op: (dir: u32, ptr: usize, len: usize) => Errno): Errno {
  const at = locate(path);
  if (at === null) return lastErrno;
  const code = op(at.dir.fd, changetype<usize>(at.relative), at.relative.byteLength);
  if (code != 0) setLastErrno(code);
  return code;
}

export function makeDirectory(path: string): Errno {
  return withPath(path, (dir: u32, ptr: usize, len: usize): Errno => path_create_directory(dir, ptr, len));
}

export function removeDirectory(path: string): Errno {
  return withPath(path, (dir: u32, ptr: usize, len: usize): Errno => path_remove_directory(dir, ptr, len));
}

export function removeFile(path: string): Errno {
  return withPath(path, (dir: u32, ptr: usize, len: usize): Errno => path_unlink_file(dir, ptr, len));
}

/** Sets a file's access and modification times to now. */
export function touchTimes(path: string): Errno {
  return withPath(path, (dir: u32, ptr: usize, len: usize): Errno =>
    path_filestat_set_times(dir, LOOKUP_SYMLINK_FOLLOW, ptr, len, 0, 0, FST_ATIM_NOW | FST_MTIM_NOW));
}

/** Renames within the filesystem; EXDEV when the paths are on different mounts. */
export function rename(from: string, to: string): Errno {
  const source = locate(from);
  const target = locate(to);
  if (source === null || target === null) return lastErrno;
  const code = path_rename(
    source.dir.fd, changetype<usize>(source.relative), source.relative.byteLength,
    target.dir.fd, changetype<usize>(target.relative), target.relative.byteLength,
  );
  if (code != 0) setLastErrno(code);
  return code;
}
