// The ordered write operations that replicate a filesystem between the sandbox (which holds the
// authoritative copy) and the workers of the processes that mount it, and the snapshot a new
// process starts from. Paths are relative to the filesystem's root, `/`-separated, no dots.

import type { FileTree } from '../runtime-api';

export type FsOp =
  | { op: 'write'; path: string; offset: number; data: Uint8Array }
  | { op: 'truncate'; path: string; size: number }
  | { op: 'create'; path: string }
  | { op: 'mkdir'; path: string }
  | { op: 'unlink'; path: string }
  | { op: 'rmdir'; path: string }
  | { op: 'rename'; from: string; to: string }
  /** Sets the modification time (cluster ms), as touch does. */
  | { op: 'times'; path: string; mtime: number }
  /** Replaces the whole contents (configMap, secret and downwardAPI updates). */
  | { op: 'replace'; files: FileTree };

/** A write to one filesystem, named by its id in the sandbox. */
export interface FsChange {
  fsId: string;
  op: FsOp;
}

/** A filesystem's contents as it travels to a new process worker. */
export interface FsSnapshot {
  /** Every directory, parents before children ('' is the root and is implied). */
  dirs: string[];
  files: Record<string, Uint8Array>;
}
