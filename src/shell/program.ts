// What a shell program gets when it runs: its arguments, standard input and output, the
// session's variables and files, the cluster, and a cancel signal for Ctrl+C.

import type { ClusterClock } from '../cluster/clock';
import type { HostNetwork } from '../cluster/cluster-network';
import type { ApiClient } from '../client/client';
import type { CancelSignal, KubectlTerminal } from '../kubectl/context';
import type { ResourceMapper } from '../kubectl/resource-mapper';
import type { TextInput } from './text-stream';
import type { VirtualFs } from './virtual-fs';
import type { LoadedImageSummary } from '../../workers/node/images/loaded-images';

/** Chaos and clock controls the `kubetab` command offers, when the host provides them. */
export interface ClusterControls {
  nodeNames(): string[];
  nodeState(name: string): string | undefined;
  stopNode(name: string): Promise<void>;
  startNode(name: string): Promise<void>;
  partitionNode(name: string, partitioned: boolean): Promise<void>;
  restartKubelet(name: string): Promise<void>;
  setSpeed(speed: number): void;
  /** Registers hollow (kubemark-style) nodes; resolves with their names (`kubetab node add --hollow N`). */
  addHollowNodes?(count: number): Promise<string[]>;
  /** Loads a WebAssembly file as an image on every node (`kubetab image load`). */
  loadImage?(reference: string, path: string, bytes: Uint8Array): Promise<LoadedImageSummary>;
}

export interface ShellContext {
  client: ApiClient;
  mapper: ResourceMapper;
  clock: ClusterClock;
  files: VirtualFs;
  env: Record<string, string>;
  history: string[];
  controls?: ClusterControls;
  /** The control-plane node's network, for curl, wget and nslookup. */
  network?: HostNetwork;
  /** The viewer's zone offset (minutes, Date.getTimezoneOffset) for kubectl's local times. */
  timezoneOffset(at: number): number;
  terminal?: KubectlTerminal;
  /** Opens text in the user's editor (kubectl edit), where the host has one. */
  editText?(text: string, fileName: string): Promise<string>;
  clearScreen(): void;
}

export interface ProgramIO {
  argv: string[];
  stdin: TextInput;
  /** True when standard input is the terminal (nothing piped or redirected in). */
  stdinIsTerminal: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  signal: CancelSignal;
  shell: ShellContext;
}

export type Program = (io: ProgramIO) => Promise<number>;
