// Messages between a process's supervisor (in the node worker) and the container worker that
// runs the process: what a process starts from, the events pushed into it, and the host calls
// it makes back (output, filesystem writes, signals it handles, sockets, its exit).

import type { ClockState } from '../../src/cluster/clock';
import type { FsChange, FsSnapshot } from './fs/fs-ops';
import type { OutputStream } from './runtime-api';

/** How a blocking import waits: see README.md. */
export type SuspensionMode = 'asyncify' | 'jspi' | 'sync';

export interface MountSpec {
  /** Absolute mount point in the container. */
  path: string;
  fsId: string;
  /** Directory inside the filesystem mounted here ('' for its root). */
  base: string;
  readOnly: boolean;
}

/** One process of a container, as `ps` inside it lists it. */
export interface ProcessEntry {
  pid: number;
  /** argv joined with spaces, control characters as `?` (one line each). */
  command: string;
}

export interface ProcessSpec {
  module: WebAssembly.Module;
  argv: string[];
  /** `KEY=value` strings in order. */
  env: string[];
  workingDir: string;
  /** 1 for a container's first process: unhandled SIGTERM and SIGINT are ignored. */
  pid: number;
  /** Listener ids this process hands out start here (ids are unique in the sandbox). */
  listenerIdBase: number;
  podIP: string;
  clock: ClockState;
  /** Cap on the program's memory; more ends the process as OOMKilled. */
  memoryLimitBytes?: number;
  /** Size of the memory a module imports instead of defining (read from its binary). */
  memoryImport?: { initialPages: number; maximumPages?: number };
  /** Without stdin the program reads end-of-file at once. */
  stdinOpen: boolean;
  tty: boolean;
  filesystems: Record<string, FsSnapshot>;
  /** Ports already listened on in the pod. */
  podPorts: number[];
  /** The processes of its container, this one included. */
  processes: ProcessEntry[];
  mounts: MountSpec[];
  /** Forces a suspension strategy (tests of the fallbacks); by default the best one available. */
  suspension?: SuspensionMode;
}

export type ProcessEvent =
  | { type: 'clock'; state: ClockState }
  /** Bytes for stdin; an empty chunk is one end-of-file (a terminal's Ctrl+D). */
  | { type: 'stdin'; data: Uint8Array }
  | { type: 'stdin-close' }
  | { type: 'signal'; signo: number }
  | { type: 'fs'; changes: FsChange[] }
  /** The ports listened on in the pod changed. */
  | { type: 'ports'; ports: number[] }
  /** A process of the container started or ended. */
  | { type: 'processes'; processes: ProcessEntry[] }
  | { type: 'net-accept'; listenerId: number; connId: number; remote: string }
  /** Data on a connection; null is the end of the stream from the other side. */
  | { type: 'net-data'; connId: number; data: Uint8Array | null };

export interface ExitReport {
  exitCode: number;
  oom: boolean;
  /** A trap or fault that ended the program. */
  message?: string;
}

export type ConnectResult = { connId: number; remote: string } | { errno: number };

/** What the container worker calls on its supervisor. */
export interface ProcessHost {
  output(stream: OutputStream, text: string): void;
  fsChanged(changes: FsChange[]): void;
  handleSignals(mask: number): void;
  /** `kill`: a signal for another process of the same container. */
  signalProcess(pid: number, signo: number): void;
  exited(report: ExitReport): void;
  /** Registers a listener the worker has numbered (unique in the pod: see `listenerIdBase`). */
  listen(listenerId: number, port: number): void;
  connect(host: string, port: number): Promise<ConnectResult>;
  /** Addresses for a name; [] when it does not exist. */
  resolve(host: string): Promise<string[]>;
  send(connId: number, data: Uint8Array): void;
  shutdown(connId: number): void;
  closeConnection(connId: number): void;
  closeListener(listenerId: number): void;
}

export interface StartedProcess {
  startedAt: number;
  mode: SuspensionMode;
}

/** The API a container worker exposes (with comlink). */
export interface ContainerWorkerApi {
  /** Resolves once the worker is loaded (warm pool readiness). */
  ready(): boolean;
  /** Instantiates the program and starts `_start`; rejects with the reason it could not start. */
  start(spec: ProcessSpec, host: ProcessHost): Promise<StartedProcess>;
  deliver(events: ProcessEvent[]): void;
}
