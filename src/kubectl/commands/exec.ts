// kubectl exec: runs a command in a container through the API server's pods/exec stream,
// copying its output, feeding standard input (-i: piped text, or the terminal with -t), and
// ending with the command's exit code (`command terminated with exit code N`).
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go.

import type { Pod } from '../../api/core';
import { findResource, resourcePath } from '../../api/scheme';
import type { ExecFrame, ExecInput } from '../../apiserver/kubelet-connector';
import { StatusError } from '../../client/client';
import { namespaceOf, type Command } from '../command';
import type { KubectlContext } from '../context';
import { KubectlError, UsageError } from '../errors';
import { flagBool, flagString } from '../flags';
import { podForArgument, pickContainer } from '../pod-selection';

const PODS = findResource('', 'v1', 'pods')!;

export interface ExecRequest {
  pod: Pod;
  container: string;
  /** The command to run (exec); empty to attach to the container's own process. */
  command: string[];
  stdin: boolean;
  tty: boolean;
}

/** Runs the exec (or attach) stream to its end; resolves with the process's exit code. */
export function streamExec(ctx: KubectlContext, request: ExecRequest): Promise<number> {
  const { pod, container, command, stdin, tty } = request;
  const query: Record<string, string | string[]> = { container, stdout: 'true' };
  if (command.length > 0) query.command = command;
  if (!tty) query.stderr = 'true';
  if (stdin) query.stdin = 'true';
  if (tty) query.tty = 'true';
  const path = resourcePath(PODS, pod.metadata.namespace, pod.metadata.name, command.length > 0 ? 'exec' : 'attach');
  return new Promise<number>((resolve, reject) => {
    let streamId: number | undefined;
    let exitCode = 0;
    /** The runtime's refusal to start the command, which kubectl reports as an error. */
    let failure: string | undefined;
    let done = false;
    let release: (() => void) | undefined;
    const queued: ExecInput[] = [];
    const send = (input: ExecInput) => {
      if (streamId === undefined) queued.push(input);
      else void ctx.client.transport.streamInput(streamId, input);
    };
    const finish = () => {
      if (done) return;
      done = true;
      release?.();
      if (failure === undefined) resolve(exitCode);
      else reject(new KubectlError(`error: ${failure}`));
    };
    ctx.signal.onCancel(() => {
      if (streamId !== undefined) void ctx.client.transport.cancel(streamId);
      exitCode = 130;
      finish();
    });
    ctx.client.transport
      .stream(
        { method: 'POST', path, query },
        {
          data: (chunk) => {
            const frame = chunk as ExecFrame;
            if (frame.channel === 'exit') exitCode = frame.exitCode;
            else if (frame.channel === 'error') failure = frame.status.message ?? '';
            else if (frame.channel === 'stdout') ctx.stdout(frame.data);
            else ctx.stderr(frame.data);
          },
          end: finish,
        },
      )
      .then(async (response) => {
        if (response.status >= 400) {
          done = true;
          reject(new StatusError(response.body as never));
          return;
        }
        streamId = response.streamId;
        if (streamId === undefined) return finish();
        for (const input of queued.splice(0)) send(input);
        if (!stdin || done) return;
        if (tty && ctx.terminal) {
          const size = ctx.terminal.size();
          send({ resize: { cols: size.columns, rows: size.rows } });
          release = ctx.terminal.capture(
            (data) => send({ stdin: data }),
            (cols, rows) => send({ resize: { cols, rows } }),
          );
          return;
        }
        const text = await ctx.readFile('-').catch(() => '');
        if (text) send({ stdin: text });
        send({ stdinClose: true });
      }, reject);
  });
}

export const execCommand: Command = {
  name: 'exec',
  summary: 'Execute a command in a container',
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  flags: [
    { name: 'container', short: 'c', type: 'string', default: '' },
    { name: 'stdin', short: 'i', type: 'bool', default: false },
    { name: 'tty', short: 't', type: 'bool', default: false },
    { name: 'quiet', short: 'q', type: 'bool', default: false },
    { name: 'filename', short: 'f', type: 'stringSlice', default: [] },
    { name: 'pod-running-timeout', type: 'duration' },
  ],
  async run(flags, ctx) {
    const before = flags.dashIndex >= 0 ? flags.args.slice(0, flags.dashIndex) : flags.args;
    const command = flags.dashIndex >= 0 ? flags.args.slice(flags.dashIndex) : [];
    if (before.length === 0) throw new UsageError('pod, type/name or --filename must be specified', 'exec');
    if (before.length > 1) throw new KubectlError('error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee \'kubectl exec -h\' for help and examples');
    if (command.length === 0) throw new KubectlError('error: you must specify at least one command for the container');
    const quiet = flagBool(flags, 'quiet');
    const pod = await podForArgument(ctx, before[0], namespaceOf(flags, ctx));
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
    const container = flagString(flags, 'container') || pickContainer(pod, quiet ? undefined : ctx.stderr);
    const stdin = flagBool(flags, 'stdin');
    let tty = flagBool(flags, 'tty');
    if (tty && !(stdin && ctx.terminal)) {
      if (!quiet) ctx.stderr('Unable to use a TTY - input is not a terminal or the right kind of file\n');
      tty = false;
    }
    const exitCode = await streamExec(ctx, { pod, container, command, stdin, tty });
    if (exitCode !== 0) throw new KubectlError(`command terminated with exit code ${exitCode}`, exitCode);
    return 0;
  },
};
