// How the API server reaches a node's kubelet for the subresources it proxies (pods/log,
// pods/exec, pods/attach), as the real API server dials the kubelet's port. The cluster registers each
// node's kubelet endpoint here; the API server looks it up by node name.

import type { Status } from '../api/meta';
import type { StreamSink } from './request';

export interface LogOptions {
  namespace: string;
  pod: string;
  podUid: string;
  container: string;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  sinceTime?: string;
  limitBytes?: number;
}

export interface ExecOptions {
  namespace: string;
  pod: string;
  podUid: string;
  container: string;
  command: string[];
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
}

/** An attach to a container's running main process (its stdin, stdout, stderr). */
export interface AttachOptions {
  namespace: string;
  pod: string;
  podUid: string;
  container: string;
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
}

/** Frames of an exec stream: output on a channel, the final status, or the runtime's failure to start the command. */
export type ExecFrame =
  | { channel: 'stdout' | 'stderr'; data: string }
  | { channel: 'exit'; exitCode: number; message?: string }
  | { channel: 'error'; status: Status };

/** Frames a client sends into an exec stream. */
export type ExecInput = { stdin: string } | { stdinClose: true } | { resize: { cols: number; rows: number } };

/** The kubelet's server side, as one node exposes it to the API server. */
export interface KubeletEndpoint {
  /** Streams (or returns, when not following) a container's log; rejects with a Status-like error. */
  containerLogs(options: LogOptions, sink: StreamSink): Promise<{ streamId: number }>;
  exec(options: ExecOptions, sink: StreamSink): Promise<{ streamId: number }>;
  /** Attaches to a running container; the stream carries output frames and ends when it stops. */
  attach(options: AttachOptions, sink: StreamSink): Promise<{ streamId: number }>;
  streamInput(streamId: number, input: ExecInput): Promise<void>;
  cancel(streamId: number): Promise<void>;
}

export interface KubeletConnector {
  endpoint(nodeName: string): KubeletEndpoint | undefined;
}
