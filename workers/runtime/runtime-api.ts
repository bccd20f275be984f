// The container runtime as the kubelet sees it, shaped like the CRI: a pod sandbox (volumes,
// network identity) in which containers start as WASI processes, each in its own worker.
// The kubelet owns lifecycle decisions; the runtime only runs, signals and reports programs.

/** File contents by path relative to a volume's root (`index.html`, `conf/app.conf`). */
export type FileTree = Record<string, string | Uint8Array>;

export interface VolumeConfig {
  /** The pod's volume name. */
  name: string;
  /** Initial contents; emptyDir volumes start empty. */
  files: FileTree;
  /** configMap, secret and downwardAPI volumes are read-only to containers. */
  readOnly: boolean;
}

export interface SandboxConfig {
  uid: string;
  name: string;
  namespace: string;
  hostname: string;
  podIP: string;
  volumes: VolumeConfig[];
}

export interface MountConfig {
  /** Absolute path inside the container. */
  path: string;
  /** Name of a volume in the sandbox. */
  volume: string;
  readOnly: boolean;
  /** A sub-directory of the volume mounted instead of its root. */
  subPath?: string;
}

/** A resolved image: its programs, its own files, and how it starts by default. */
export interface ImageContent {
  /** The image reference as the pod names it (`nginx`, `busybox:1.36`). */
  reference: string;
  /** Compiled programs by name; executables in the filesystem point at these. */
  modules: Record<string, WebAssembly.Module>;
  /**
   * The programs' binaries, when the image cache keeps them: the runtime then caps each
   * program's memory maximum at the container's memory limit exactly. Without them the limit
   * is checked at every host call and when the program ends.
   */
  moduleBytes?: Record<string, Uint8Array>;
  /** Absolute executable paths (`/bin/sh`, `/usr/sbin/nginx`) to module names. */
  executables: Record<string, string>;
  /** The image's root filesystem contents (absolute paths). */
  files: FileTree;
  /** Empty directories of the image's root filesystem (`/tmp`, `/root`). */
  directories?: string[];
  /** Default ENTRYPOINT and CMD (Docker semantics; command/args in the pod override them). */
  entrypoint: string[];
  cmd: string[];
  workingDir: string;
  env: Record<string, string>;
}

export interface ContainerConfig {
  /** Container name in the pod. */
  name: string;
  /** `containerd://<64 hex>`, chosen by the kubelet. */
  id: string;
  image: ImageContent;
  /** argv: the resolved command and arguments; argv[0] is an executable path or name on PATH. */
  argv: string[];
  env: Record<string, string>;
  workingDir: string;
  mounts: MountConfig[];
  /** From resources.limits.memory; exceeding it ends the container as OOMKilled (137). */
  memoryLimitBytes?: number;
  stdin: boolean;
  stdinOnce: boolean;
  tty: boolean;
}

export type OutputStream = 'stdout' | 'stderr';

/** Where a process's output goes, line-agnostic: chunks as the program writes them. */
export type OutputSink = (stream: OutputStream, text: string) => void;

export type Signal = 'SIGINT' | 'SIGTERM' | 'SIGKILL';

export interface ExitStatus {
  exitCode: number;
  /** Completed (0), Error (non-zero), OOMKilled (memory limit), or ContainerCannotRun. */
  reason: 'Completed' | 'Error' | 'OOMKilled' | 'ContainerCannotRun';
  /** Set when a signal ended the process (exit code 128 + signal). */
  signal?: number;
  /** Extra detail for Terminated.message (a trap, an unknown executable). */
  message?: string;
  /** Cluster time (ms) at which the process ended. */
  finishedAt: number;
}

export interface ProcessHandle {
  /** Cluster time (ms) at which the program started running. */
  readonly startedAt: number;
  readonly exited: Promise<ExitStatus>;
  signal(signal: Signal): void;
  writeStdin(data: string): void;
  closeStdin(): void;
  resize(cols: number, rows: number): void;
}

export interface ExecConfig {
  argv: string[];
  env?: Record<string, string>;
  stdin: boolean;
  tty: boolean;
}

export interface ContainerHandle extends ProcessHandle {
  readonly id: string;
  /** Runs a new process in this container's filesystem and environment. */
  exec(config: ExecConfig, output: OutputSink): Promise<ProcessHandle>;
}

/** Thrown by startContainer when a container cannot be created or started. */
export class ContainerStartError extends Error {
  constructor(
    readonly reason: 'CreateContainerError' | 'RunContainerError',
    message: string,
  ) {
    super(message);
  }
}

export interface PodSandbox {
  readonly uid: string;
  /** Replaces a volume's contents (configMap and secret updates propagate this way). */
  updateVolume(name: string, files: FileTree): void;
  startContainer(config: ContainerConfig, output: OutputSink): Promise<ContainerHandle>;
  /** Kills every process and frees the sandbox. */
  destroy(): Promise<void>;
}

export interface ContainerRuntime {
  runPodSandbox(config: SandboxConfig): Promise<PodSandbox>;
  /** Kills everything (node stop). */
  shutdown(): Promise<void>;
}

/**
 * The node's side of pod networking, which the runtime uses for the kubetab_net extension:
 * name resolution and connections leave the pod through here.
 */
export interface NetworkFabric {
  /** Cluster DNS: a service or pod name (with the pod's search path; a trailing dot: none) to IPs; [] for NXDOMAIN. */
  resolve(name: string, fromNamespace: string): Promise<string[]>;
  /** Opens a stream to ip:port (a ClusterIP is routed by kube-proxy); rejects with an errno name. */
  connect(fromPodIP: string, ip: string, port: number): Promise<NetworkStream>;
  /** Starts accepting connections for podIP:port; rejects with 'EADDRINUSE'. */
  listen(podIP: string, port: number, onConnection: (stream: NetworkStream) => void): Promise<() => void>;
}

/** One end of a bidirectional byte stream. */
export interface NetworkStream {
  readonly remoteAddress: string;
  readonly remotePort: number;
  write(data: Uint8Array): void;
  /** Half-close: no more writes from this end. */
  end(): void;
  /** Called with data from the other end; an empty array means end of stream. */
  onData(listener: (data: Uint8Array) => void): void;
  close(): void;
}
