// kubectl attach: attaches to the running main process of a pod's container (pods/attach):
// its output from now on, stdin with -i, the terminal with -t when the container has a TTY
// (a TTY container is always attached as one). `run -i/-t/--attach` attaches the same way.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/attach/attach.go and exec/exec.go (SetupTTY).

import type { Pod } from '../../api/core';
import { namespaceOf, type Command } from '../command';
import type { KubectlContext } from '../context';
import { KubectlError } from '../errors';
import { flagBool, flagString } from '../flags';
import { pickContainer, podForArgument } from '../pod-selection';
import { streamExec } from './exec';

export interface AttachRequest {
  /** -c; empty for the default container. */
  container: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
}

/** The container to attach to, or kubectl's error for a name the pod does not have. */
function containerOf(ctx: KubectlContext, pod: Pod, request: AttachRequest) {
  const name = request.container || pickContainer(pod, request.quiet ? undefined : ctx.stderr);
  const container = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].find((c) => c.name === name);
  if (!container) throw new KubectlError(`error: cannot attach to the container: container ${name} not found in pod ${pod.metadata.name ?? ''}`);
  return container;
}

/** Attaches to a pod's container until the process ends or the stream is cancelled. */
export async function attachToPod(ctx: KubectlContext, pod: Pod, request: AttachRequest): Promise<void> {
  const container = containerOf(ctx, pod, request);
  let tty = request.tty;
  if (tty && !container.tty) {
    tty = false;
    if (!request.quiet) ctx.stderr(`error: Unable to use a TTY - container ${container.name} did not allocate one\n`);
  } else if (!tty && container.tty) tty = true;
  let raw = false;
  if (request.stdin && tty) {
    if (ctx.terminal) raw = true;
    else if (!request.quiet) ctx.stderr('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  }
  if (!request.quiet) ctx.stderr("If you don't see a command prompt, try pressing enter.\n");
  await streamExec(ctx, { pod, container: container.name, command: [], stdin: request.stdin, tty: raw });
  if (!request.quiet && request.stdin && raw && (pod.spec.restartPolicy ?? 'Always') === 'Always') {
    ctx.stdout(`Session ended, resume using 'kubectl attach ${pod.metadata.name ?? ''} -c ${container.name} -i -t' command when the pod is running\n`);
  }
}

export const attachCommand: Command = {
  name: 'attach',
  summary: 'Attach to a running container',
  usage: 'kubectl attach (POD | TYPE/NAME) -c CONTAINER',
  flags: [
    { name: 'container', short: 'c', type: 'string', default: '' },
    { name: 'stdin', short: 'i', type: 'bool', default: false },
    { name: 'tty', short: 't', type: 'bool', default: false },
    { name: 'quiet', short: 'q', type: 'bool', default: false },
    { name: 'pod-running-timeout', type: 'duration' },
  ],
  async run(flags, ctx) {
    const args = flags.args;
    if (args.length === 0) throw new KubectlError('error: at least 1 argument is required for attach');
    if (args.length > 2) throw new KubectlError(`error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${args.length}: [${args.join(' ')}]`);
    const pod = await podForArgument(ctx, args.join('/'), namespaceOf(flags, ctx));
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`error: cannot attach a container in a completed pod; current phase is ${phase}`);
    await attachToPod(ctx, pod, { container: flagString(flags, 'container'), stdin: flagBool(flags, 'stdin'), tty: flagBool(flags, 'tty'), quiet: flagBool(flags, 'quiet') });
    return 0;
  },
};
