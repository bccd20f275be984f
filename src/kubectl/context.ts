// What a kubectl command runs with: the API client, the default namespace, output streams,
// files it may read (`-f`), standard input, the time source for ages, and a cancel signal
// (Ctrl+C) for commands that run until stopped (`get -w`, `logs -f`).

import type { ApiClient } from '../client/client';
import type { ResourceMapper } from './resource-mapper';

export interface CancelSignal {
  readonly cancelled: boolean;
  /** Calls `listener` once when cancelled (at once if already cancelled). */
  onCancel(listener: () => void): void;
}

export interface KubectlContext {
  client: ApiClient;
  mapper: ResourceMapper;
  /** The namespace commands use without `-n` (the kubeconfig context's). */
  namespace: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a file for `-f` (a path, or `-` for standard input); rejects with a message. */
  readFile(path: string): Promise<string>;
  /** Lists the files of a directory for `-f DIR`, or undefined when the path is not a directory. */
  listDirectory(path: string): Promise<string[] | undefined>;
  /** Cluster time in ms (AGE-like values computed by kubectl itself). */
  now(): number;
  /** Calls `callback` after `ms` of cluster time (--timeout); returns a cancel function. */
  after?(ms: number, callback: () => void): () => void;
  signal: CancelSignal;
  /** Offset of local time from UTC in minutes, as Date.getTimezoneOffset reports it. */
  timezoneOffset(at: number): number;
  /** Opens an interactive stream (exec -it) on the terminal, when there is one. */
  terminal?: KubectlTerminal;
  /** The API server's address as the kubeconfig names it (cluster-info, config view). */
  server?: string;
  /** Standard output is a terminal that shows colours (cluster-info). */
  colors?: boolean;
  /** Makes `namespace` the default for later commands (`config set-context --current --namespace`). */
  setNamespace?(namespace: string): void;
  /** Lets the user edit `text` (kubectl edit); resolves with the edited text. */
  editText?(text: string, fileName: string): Promise<string>;
}

/** The terminal for interactive commands: raw input from the user, its size. */
export interface KubectlTerminal {
  size(): { columns: number; rows: number };
  /** Takes over input until the returned release is called; input arrives on `onInput`. */
  capture(onInput: (data: string) => void, onResize: (columns: number, rows: number) => void): () => void;
}

export type CommandResult = number;
