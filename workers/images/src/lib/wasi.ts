// The WASI preview1 imports the images use, and the constants of that ABI (errno values, file
// types, open flags, rights, clocks, poll events). Everything else in lib/ wraps these.

export type Errno = u16;
export type Fd = u32;

@external("wasi_snapshot_preview1", "args_sizes_get")
export declare function args_sizes_get(argc: usize, argvBufSize: usize): Errno;
@external("wasi_snapshot_preview1", "args_get")
export declare function args_get(argv: usize, argvBuf: usize): Errno;
@external("wasi_snapshot_preview1", "environ_sizes_get")
export declare function environ_sizes_get(count: usize, bufSize: usize): Errno;
@external("wasi_snapshot_preview1", "environ_get")
export declare function environ_get(environ: usize, buf: usize): Errno;
@external("wasi_snapshot_preview1", "clock_time_get")
export declare function clock_time_get(id: u32, precision: u64, time: usize): Errno;
@external("wasi_snapshot_preview1", "fd_close")
export declare function fd_close(fd: Fd): Errno;
@external("wasi_snapshot_preview1", "fd_fdstat_get")
export declare function fd_fdstat_get(fd: Fd, stat: usize): Errno;
@external("wasi_snapshot_preview1", "fd_prestat_get")
export declare function fd_prestat_get(fd: Fd, prestat: usize): Errno;
@external("wasi_snapshot_preview1", "fd_prestat_dir_name")
export declare function fd_prestat_dir_name(fd: Fd, path: usize, len: usize): Errno;
@external("wasi_snapshot_preview1", "fd_read")
export declare function fd_read(fd: Fd, iovs: usize, iovsLen: usize, nread: usize): Errno;
@external("wasi_snapshot_preview1", "fd_readdir")
export declare function fd_readdir(fd: Fd, buf: usize, bufLen: usize, cookie: u64, bufUsed: usize): Errno;
@external("wasi_snapshot_preview1", "fd_seek")
export declare function fd_seek(fd: Fd, offset: i64, whence: u8, newOffset: usize): Errno;
@external("wasi_snapshot_preview1", "fd_write")
export declare function fd_write(fd: Fd, iovs: usize, iovsLen: usize, nwritten: usize): Errno;
@external("wasi_snapshot_preview1", "path_create_directory")
export declare function path_create_directory(fd: Fd, path: usize, pathLen: usize): Errno;
@external("wasi_snapshot_preview1", "path_filestat_get")
export declare function path_filestat_get(fd: Fd, flags: u32, path: usize, pathLen: usize, stat: usize): Errno;
@external("wasi_snapshot_preview1", "path_filestat_set_times")
export declare function path_filestat_set_times(fd: Fd, flags: u32, path: usize, pathLen: usize, atim: u64, mtim: u64, fstFlags: u16): Errno;
@external("wasi_snapshot_preview1", "path_open")
export declare function path_open(
  fd: Fd, dirflags: u32, path: usize, pathLen: usize, oflags: u16,
  rightsBase: u64, rightsInheriting: u64, fdflags: u16, opened: usize,
): Errno;
@external("wasi_snapshot_preview1", "path_remove_directory")
export declare function path_remove_directory(fd: Fd, path: usize, pathLen: usize): Errno;
@external("wasi_snapshot_preview1", "path_rename")
export declare function path_rename(fd: Fd, oldPath: usize, oldLen: usize, newFd: Fd, newPath: usize, newLen: usize): Errno;
@external("wasi_snapshot_preview1", "path_unlink_file")
export declare function path_unlink_file(fd: Fd, path: usize, pathLen: usize): Errno;
@external("wasi_snapshot_preview1", "poll_oneoff")
export declare function poll_oneoff(subscriptions: usize, events: usize, count: usize, nevents: usize): Errno;
@external("wasi_snapshot_preview1", "proc_exit")
export declare function proc_exit(code: u32): void;
@external("wasi_snapshot_preview1", "sock_accept")
export declare function sock_accept(fd: Fd, flags: u16, accepted: usize): Errno;

export namespace errno {
  export const SUCCESS: Errno = 0;
  export const ACCES: Errno = 2;
  export const ADDRINUSE: Errno = 3;
  export const AGAIN: Errno = 6;
  export const BADF: Errno = 8;
  export const CONNREFUSED: Errno = 14;
  export const CONNRESET: Errno = 15;
  export const EXIST: Errno = 20;
  export const HOSTUNREACH: Errno = 23;
  export const INTR: Errno = 27;
  export const INVAL: Errno = 28;
  export const IO: Errno = 29;
  export const ISDIR: Errno = 31;
  export const NOENT: Errno = 44;
  export const NOMEM: Errno = 48;
  export const NOSPC: Errno = 51;
  export const NOSYS: Errno = 52;
  export const NOTCONN: Errno = 53;
  export const NOTDIR: Errno = 54;
  export const NOTEMPTY: Errno = 55;
  export const NOTSUP: Errno = 58;
  export const PERM: Errno = 63;
  export const PIPE: Errno = 64;
  export const ROFS: Errno = 69;
  export const SRCH: Errno = 71;
  export const TIMEDOUT: Errno = 73;
  export const XDEV: Errno = 75;
  export const NOTCAPABLE: Errno = 76;
}

/** strerror: the Linux wording of an errno, as programs print it. */
export function errnoMessage(code: Errno): string {
  switch (code) {
    case errno.ACCES: return "Permission denied";
    case errno.ADDRINUSE: return "Address already in use";
    case errno.BADF: return "Bad file descriptor";
    case errno.CONNREFUSED: return "Connection refused";
    case errno.CONNRESET: return "Connection reset by peer";
    case errno.EXIST: return "File exists";
    case errno.HOSTUNREACH: return "No route to host";
    case errno.INTR: return "Interrupted system call";
    case errno.INVAL: return "Invalid argument";
    case errno.IO: return "I/O error";
    case errno.ISDIR: return "Is a directory";
    case errno.NOENT: return "No such file or directory";
    case errno.NOMEM: return "Out of memory";
    case errno.NOSPC: return "No space left on device";
    case errno.NOSYS: return "Function not implemented";
    case errno.NOTDIR: return "Not a directory";
    case errno.NOTEMPTY: return "Directory not empty";
    case errno.NOTSUP: return "Not supported";
    case errno.PERM: return "Operation not permitted";
    case errno.PIPE: return "Broken pipe";
    case errno.ROFS: return "Read-only file system";
    case errno.SRCH: return "No such process";
    case errno.TIMEDOUT: return "Connection timed out";
    case errno.XDEV: return "Invalid cross-device link";
    case errno.NOTCAPABLE: return "Permission denied";
    default: return "Error " + code.toString();
  }
}

export namespace filetype {
  export const UNKNOWN: u8 = 0;
  export const CHARACTER_DEVICE: u8 = 2;
  export const DIRECTORY: u8 = 3;
  export const REGULAR_FILE: u8 = 4;
  export const SOCKET_STREAM: u8 = 6;
  export const SYMBOLIC_LINK: u8 = 7;
}

export namespace oflags {
  export const CREAT: u16 = 1;
  export const DIRECTORY: u16 = 2;
  export const EXCL: u16 = 4;
  export const TRUNC: u16 = 8;
}

export namespace fdflags {
  export const APPEND: u16 = 1;
}

export namespace rights {
  export const FD_READ: u64 = 1 << 1;
  export const FD_SEEK: u64 = 1 << 2;
  export const FD_TELL: u64 = 1 << 5;
  export const FD_WRITE: u64 = 1 << 6;
  export const PATH_OPEN: u64 = 1 << 13;
  export const FD_READDIR: u64 = 1 << 14;
  export const PATH_FILESTAT_GET: u64 = 1 << 18;
  export const FD_FILESTAT_GET: u64 = 1 << 21;
  export const FD_FILESTAT_SET_SIZE: u64 = 1 << 22;
  export const FD_FILESTAT_SET_TIMES: u64 = 1 << 23;
  export const POLL_FD_READWRITE: u64 = 1 << 27;
}

export const LOOKUP_SYMLINK_FOLLOW: u32 = 1;
export const FST_ATIM_NOW: u16 = 2;
export const FST_MTIM_NOW: u16 = 8;

export namespace clock {
  export const REALTIME: u32 = 0;
  export const MONOTONIC: u32 = 1;
}

export namespace whence {
  export const SET: u8 = 0;
  export const CUR: u8 = 1;
  export const END: u8 = 2;
}

export namespace eventtype {
  export const CLOCK: u8 = 0;
  export const FD_READ: u8 = 1;
}

/** The size of a poll_oneoff subscription and of an event, in bytes. */
export const SUBSCRIPTION_SIZE: usize = 48;
export const EVENT_SIZE: usize = 32;
