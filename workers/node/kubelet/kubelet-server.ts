// The kubelet's server side, which the API server proxies to: container logs (whole, tailed,
// previous, followed), exec sessions and attach sessions (attach-session.ts), with the
// kubelet's error texts for containers that have no logs yet. Upstream:
// pkg/kubelet/kubelet_pods.go (validateContainerLogStatus),
// pkg/kubelet/server/server.go.

import type { AttachOptions, ExecInput, ExecOptions, LogOptions } from '../../../src/apiserver/kubelet-connector';
import { errors } from '../../../src/apiserver/errors';
import type { StreamSink } from '../../../src/apiserver/request';
import { ContainerStartError, type ProcessHandle } from '../../runtime/runtime-api';
import { startAttach, type AttachSession } from './attach-session';
import { logReadOptions, type ContainerLog } from './container-log';
import { sendExecFailure } from './exec-failure';
import type { ContainerRecord } from './container-record';
import type { Kubelet } from './kubelet';

interface OpenStream {
  cancel(): void;
  process?: ProcessHandle;
  /** Handles the client's input itself (attach) instead of passing it to `process`. */
  input?(input: ExecInput): void;
}

/** Which run's log a request means, or the kubelet's reason why there is none. */
function logFor(record: ContainerRecord, pod: string, previous: boolean): ContainerLog {
  const name = record.name;
  const state = record.state;
  const last = record.lastState.terminated;
  const found = (id: string | undefined) => {
    const log = record.logOf(id);
    if (!log) throw errors.badRequest(`container "${name}" in pod "${pod}" is terminated`);
    return log;
  };
  if (previous) {
    if (!last?.containerID || !record.logOf(last.containerID)) throw errors.badRequest(`previous terminated container "${name}" in pod "${pod}" not found`);
    return found(last.containerID);
  }
  if (state.running) return found(record.containerID);
  if (state.terminated) return found(state.terminated.containerID ?? last?.containerID);
  if (last) return found(last.containerID);
  const reason = state.waiting?.reason;
  if (reason === 'ErrImagePull') throw errors.badRequest(`container "${name}" in pod "${pod}" is waiting to start: image can't be pulled`);
  if (reason === 'ImagePullBackOff') throw errors.badRequest(`container "${name}" in pod "${pod}" is waiting to start: trying and failing to pull image`);
  if (reason) throw errors.badRequest(`container "${name}" in pod "${pod}" is waiting to start: ${reason}`);
  throw errors.badRequest(`container "${name}" in pod "${pod}" is waiting to start - no logs yet`);
}

export class KubeletServer {
  private readonly streams = new Map<number, OpenStream>();
  private nextId = 1;

  constructor(
    private readonly kubelet: () => Kubelet | undefined,
    private readonly now: () => number,
  ) {}

  private record(namespace: string, pod: string, uid: string, container: string): ContainerRecord {
    const worker = this.kubelet()?.worker(namespace, pod);
    if (!worker || (uid && worker.uid !== uid)) throw errors.notFound({ group: '', resource: 'pods' }, pod);
    const record = worker.record(container);
    if (!record) throw errors.badRequest(`container ${container} is not valid for pod ${pod}`);
    return record;
  }

  async containerLogs(options: LogOptions, sink: StreamSink): Promise<{ streamId: number }> {
    const record = this.record(options.namespace, options.pod, options.podUid, options.container);
    const log = logFor(record, options.pod, options.previous);
    const read = logReadOptions(options, this.now());
    const id = this.nextId++;
    if (!options.follow) {
      const text = log.read(read);
      if (text) sink.data(text);
      sink.end();
      return { streamId: id };
    }
    let sent = 0;
    const stop = log.follow(read, (text) => {
      if (text === null) {
        this.streams.delete(id);
        sink.end();
        return;
      }
      if (options.limitBytes !== undefined) {
        const room = options.limitBytes - sent;
        if (room <= 0) return;
        text = text.slice(0, room);
      }
      sent += text.length;
      sink.data(text);
    });
    if (!log.isClosed) this.streams.set(id, { cancel: stop });
    return { streamId: id };
  }

  async exec(options: ExecOptions, sink: StreamSink): Promise<{ streamId: number }> {
    const record = this.record(options.namespace, options.pod, options.podUid, options.container);
    if (!record.handle || !record.running) throw errors.badRequest(`unable to upgrade connection: container not found ("${options.container}")`);
    const id = this.nextId++;
    let process;
    try {
      process = await record.handle.exec({ argv: options.command, stdin: options.stdin, tty: options.tty }, (channel, data) => {
        if (channel === 'stdout' ? options.stdout : options.stderr || options.tty) sink.data({ channel: options.tty ? 'stdout' : channel, data });
      });
    } catch (error) {
      if (!(error instanceof ContainerStartError)) throw error;
      sendExecFailure(sink, error.message);
      return { streamId: id };
    }
    this.streams.set(id, { cancel: () => process.signal('SIGKILL'), process });
    void process.exited.then((exit) => {
      this.streams.delete(id);
      sink.data({ channel: 'exit', exitCode: exit.exitCode, ...(exit.message ? { message: exit.message } : {}) });
      sink.end();
    });
    return { streamId: id };
  }

  async attach(options: AttachOptions, sink: StreamSink): Promise<{ streamId: number }> {
    const record = this.record(options.namespace, options.pod, options.podUid, options.container);
    const id = this.nextId++;
    let session: AttachSession | undefined;
    this.streams.set(id, { cancel: () => session?.detach(), input: (input) => session?.input(input) });
    try {
      session = startAttach(record, options, sink, () => this.streams.delete(id));
    } catch (error) {
      this.streams.delete(id);
      throw error;
    }
    return { streamId: id };
  }

  async streamInput(streamId: number, input: ExecInput): Promise<void> {
    const stream = this.streams.get(streamId);
    if (stream?.input) return stream.input(input);
    const process = stream?.process;
    if (!process) return;
    if ('stdin' in input) process.writeStdin(input.stdin);
    else if ('stdinClose' in input) process.closeStdin();
    else process.resize(input.resize.cols, input.resize.rows);
  }

  async cancel(streamId: number): Promise<void> {
    const stream = this.streams.get(streamId);
    this.streams.delete(streamId);
    stream?.cancel();
  }
}
