// One pods/attach session on the kubelet: a client attached to the running main process of a
// container. It gets the process's output from the attach on (one terminal stream when the
// container has a TTY), feeds stdin to it when the container keeps stdin open (`stdin: true`;
// otherwise the client's input is dropped, as containerd drops it), forwards terminal resizes,
// and ends when the process ends or the client detaches. With `stdinOnce` the process's stdin
// closes when the first client that attached to it is done with it: for good, for this run.
// Upstream: pkg/kubelet/kubelet_pods.go (GetAttach) and containerd's internal/cri/io
// (ContainerIO.Attach).

import type { AttachOptions, ExecInput } from '../../../src/apiserver/kubelet-connector';
import { errors } from '../../../src/apiserver/errors';
import type { StreamSink } from '../../../src/apiserver/request';
import type { ProcessHandle } from '../../runtime/runtime-api';
import type { ContainerRecord } from './container-record';

/** Main processes whose stdin a stdinOnce attach has closed. */
const closedStdin = new WeakSet<ProcessHandle>();

export interface AttachSession {
  input(input: ExecInput): void;
  /** The client went away. */
  detach(): void;
}

/** Attaches to the record's running process; throws the kubelet's error when it is not running. */
export function startAttach(record: ContainerRecord, options: AttachOptions, sink: StreamSink, ended: () => void): AttachSession {
  const process = record.handle;
  const log = record.log;
  if (!process || !record.running || !log) throw errors.badRequest(`unable to upgrade connection: container not found ("${options.container}")`);
  const tty = Boolean(record.spec.tty);
  const stdinOnce = Boolean(record.spec.stdinOnce);
  const stdin = options.stdin && Boolean(record.spec.stdin) && !closedStdin.has(process);
  let done = false;
  const closeStdin = () => {
    if (!stdin || !stdinOnce || closedStdin.has(process)) return;
    closedStdin.add(process);
    process.closeStdin();
  };
  const end = () => {
    if (done) return;
    done = true;
    stop();
    closeStdin();
    ended();
    sink.end();
  };
  const stop = log.tap((stream, text) => {
    if (text === null) end();
    else if (tty) {
      if (options.stdout) sink.data({ channel: 'stdout', data: text });
    } else if (stream === 'stdout' ? options.stdout : options.stderr) sink.data({ channel: stream, data: text });
  });
  return {
    input(input) {
      if (done || !stdin) return;
      if ('stdin' in input) {
        if (!closedStdin.has(process)) process.writeStdin(input.stdin);
      } else if ('stdinClose' in input) {
        // Without a TTY, the end of a stdinOnce client's input is the program's end of input and
        // its output still streams; otherwise the client has detached.
        if (stdinOnce && !tty) closeStdin();
        else end();
      } else if (tty) process.resize(input.resize.cols, input.resize.rows);
    },
    detach: end,
  };
}
