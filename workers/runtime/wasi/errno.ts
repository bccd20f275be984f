// WASI preview1 error numbers (the `errno` enum of wasi_snapshot_preview1), the ones the host
// returns, plus the mapping from the errno names the network fabric rejects with.

export const Errno = {
  SUCCESS: 0,
  ACCES: 2,
  ADDRINUSE: 3,
  AGAIN: 6,
  BADF: 8,
  CONNREFUSED: 14,
  EXIST: 20,
  FAULT: 21,
  HOSTUNREACH: 23,
  INTR: 27,
  INVAL: 28,
  IO: 29,
  ISDIR: 31,
  MFILE: 33,
  NAMETOOLONG: 37,
  NOENT: 44,
  NOSYS: 52,
  NOTCONN: 53,
  NOTDIR: 54,
  NOTEMPTY: 55,
  NOTSOCK: 57,
  NOTSUP: 58,
  OVERFLOW: 61,
  PERM: 63,
  PIPE: 64,
  ROFS: 69,
  XDEV: 75,
  SPIPE: 70,
  SRCH: 71,
  NOTCAPABLE: 76,
} as const;

const BY_NAME: Record<string, number> = {
  EADDRINUSE: Errno.ADDRINUSE,
  ECONNREFUSED: Errno.CONNREFUSED,
  EHOSTUNREACH: Errno.HOSTUNREACH,
  ENOENT: Errno.NOENT,
};

/** The errno for a rejection from the fabric (`'ECONNREFUSED'` or an Error carrying it). */
export function errnoFromRejection(reason: unknown): number {
  const record = reason as { errno?: unknown; code?: unknown; message?: unknown } | undefined;
  for (const candidate of [reason, record?.errno, record?.code, record?.message]) {
    if (typeof candidate === 'string' && candidate in BY_NAME) return BY_NAME[candidate];
  }
  return Errno.HOSTUNREACH;
}
