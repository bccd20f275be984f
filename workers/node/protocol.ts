// Messages between the control plane (main thread) and a node worker, as typed interfaces that
// comlink carries: what the control plane gives a node to start, and what the node exposes
// (its kubelet's server side and its chaos controls).

import type { AttachOptions, ExecInput, ExecOptions, LogOptions } from '../../src/apiserver/kubelet-connector';
import type { ApiTransport, StreamSink } from '../../src/apiserver/request';
import type { Taint } from '../../src/api/core';
import type { ClockState } from '../../src/cluster/clock';
import type { NetworkStream } from '../runtime/runtime-api';
import type { LoadedImage } from './images/loaded-images';

export interface NodeConfig {
  name: string;
  internalIP: string;
  /** The node's pod range, e.g. `10.244.1.0/24`; pod IPs come from here. */
  podCIDR: string;
  labels: Record<string, string>;
  capacity: { cpu: string; memory: string; pods: string; 'ephemeral-storage': string };
  /** Seconds between node status heartbeats (Lease renewals happen every 10 s). */
  statusUpdateSeconds: number;
  /** 0 disables simulated image pull delays (benchmarks). */
  pullDelayScale: number;
  /** Taints the node registers with (the kubelet's --register-with-taints). */
  registerWithTaints?: Taint[];
}

/** What a node worker reaches on the main thread besides the API server. */
export interface ControlPlaneLink {
  api: ApiTransport;
  /** The cluster network: DNS and connections to pods on other nodes. */
  network: ClusterNetworkPort;
}

/** The cluster network as the main thread offers it to each node. */
export interface ClusterNetworkPort {
  resolve(name: string, fromNamespace: string): Promise<string[]>;
  /** Opens a stream to a pod on any node; the returned id carries data both ways. */
  connect(fromNode: string, fromIP: string, ip: string, port: number, events: StreamEvents): Promise<number>;
  send(streamId: number, data: Uint8Array | null): Promise<void>;
  close(streamId: number): Promise<void>;
}

/** Callbacks for one network stream (proxied across threads). */
export interface StreamEvents {
  data(chunk: Uint8Array | null): void;
}

export interface NodeWorkerApi {
  /** Starts the node's kubelet and kube-proxy; resolves once the Node object is registered. */
  start(config: NodeConfig, link: ControlPlaneLink, clock: ClockState): Promise<void>;
  /** Follows the leader clock (speed changes, manual steps). */
  setClock(state: ClockState): void;
  containerLogs(options: LogOptions, sink: StreamSink): Promise<{ streamId: number }>;
  exec(options: ExecOptions, sink: StreamSink): Promise<{ streamId: number }>;
  attach(options: AttachOptions, sink: StreamSink): Promise<{ streamId: number }>;
  streamInput(streamId: number, input: ExecInput): Promise<void>;
  cancel(streamId: number): Promise<void>;
  /** Accepts a connection from another node to a pod here (`events` carries data back). */
  acceptConnection(fromIP: string, fromPort: number, ip: string, port: number, events: StreamEvents): Promise<number>;
  connectionData(streamId: number, data: Uint8Array | null): Promise<void>;
  /** Loads an image from a WebAssembly file into the node's registry and image cache ('present': it had it). */
  loadImage(image: LoadedImage): Promise<'loaded' | 'present'>;
  /** Cuts the node off from the control plane (heartbeats stop, containers keep running), or heals it. */
  setPartitioned(partitioned: boolean): void;
  /** Stops and starts the kubelet; containers keep running, as with a kubelet restart. */
  restartKubelet(): Promise<void>;
  /** Stops everything in an orderly way (tests and page unload). */
  shutdown(): Promise<void>;
}

export type { NetworkStream };
