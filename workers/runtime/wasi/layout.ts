// WASI preview1 constants and record layouts (offsets in guest memory) that the host reads and
// writes: file types, flags, rights, clock ids, and the sizes of fdstat, filestat, dirent,
// subscription and event records.

export const FileType = {
  UNKNOWN: 0,
  CHARACTER_DEVICE: 2,
  DIRECTORY: 3,
  REGULAR_FILE: 4,
  SOCKET_STREAM: 6,
} as const;

export const OpenFlags = { CREAT: 1, DIRECTORY: 2, EXCL: 4, TRUNC: 8 } as const;
export const FdFlags = { APPEND: 1, NONBLOCK: 4 } as const;
export const Whence = { SET: 0, CUR: 1, END: 2 } as const;
export const ClockId = { REALTIME: 0, MONOTONIC: 1, PROCESS_CPUTIME: 2, THREAD_CPUTIME: 3 } as const;
export const EventType = { CLOCK: 0, FD_READ: 1, FD_WRITE: 2 } as const;
export const SubclockFlags = { ABSTIME: 1 } as const;
export const EventRwFlags = { HANGUP: 1 } as const;
export const SdFlags = { RD: 1, WR: 2 } as const;
export const RiFlags = { PEEK: 1 } as const;

/** Every right defined by preview1 (bits 0..28). */
export const ALL_RIGHTS = (1n << 29n) - 1n;
const RIGHT_FD_SEEK = 1n << 2n;
const RIGHT_FD_TELL = 1n << 5n;
/** A terminal lacks seek and tell: that is how wasi-libc's isatty tells it from a file. */
export const TTY_RIGHTS = ALL_RIGHTS & ~(RIGHT_FD_SEEK | RIGHT_FD_TELL);

export const FDSTAT_SIZE = 24;
export const FILESTAT_SIZE = 64;
export const DIRENT_SIZE = 24;
export const SUBSCRIPTION_SIZE = 48;
export const EVENT_SIZE = 32;
export const IOVEC_SIZE = 8;
