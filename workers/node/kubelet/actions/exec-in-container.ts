// Running a command beside a container's process, as the kubelet's ExecSync does for exec
// probes and lifecycle hooks: stdout then stderr collected (each capped), the exit code, and a
// timeout on the cluster clock after which the process is killed. The timeout counts from when
// the command is running: starting a process's worker is kubetab's cost, not the command's,
// and on a fast cluster clock it would eat a one-second timeout whole. Upstream:
// pkg/kubelet/kuberuntime (RunInContainer), pkg/kubelet/cri/remote (ExecSync).

import { ContainerStartError } from '../../../runtime/runtime-api';
import { execStartFailure } from '../exec-failure';
import type { ActionDeps, ActionTarget } from './action-target';

/** Output beyond this is dropped (the exec prober's limit). */
const MAX_OUTPUT_BYTES = 10 * 1024;

export type ExecOutcome =
  | { kind: 'exited'; exitCode: number; stdout: string; stderr: string }
  | { kind: 'timeout' }
  /** The command could not start; `message` is the CRI error as the kubelet reports it. */
  | { kind: 'error'; message: string };

export async function execInContainer(argv: string[], target: ActionTarget, deps: ActionDeps, timeoutMs?: number): Promise<ExecOutcome> {
  const output = { stdout: '', stderr: '' };
  let process;
  try {
    process = await target.handle.exec({ argv, stdin: false, tty: false }, (stream, text) => {
      const room = MAX_OUTPUT_BYTES - output.stdout.length - output.stderr.length;
      if (room > 0) output[stream] += text.slice(0, room);
    });
  } catch (error) {
    if (!(error instanceof ContainerStartError)) throw error;
    return { kind: 'error', message: `rpc error: code = Unknown desc = ${execStartFailure(error.message)}` };
  }
  const exited = process.exited.then((exit) => ({ kind: 'exited' as const, exitCode: exit.exitCode, ...output }));
  if (timeoutMs === undefined) return exited;
  return new Promise((resolve) => {
    const timer = deps.clock.after(timeoutMs, () => {
      process.signal('SIGKILL');
      resolve({ kind: 'timeout' });
    });
    void exited.then((outcome) => {
      timer.cancel();
      resolve(outcome);
    });
  });
}

/** containerd's error for a command that exited non-zero: `command 'sh -c exit 1' exited with 1: <stderr>`. */
export function exitError(argv: readonly string[], exitCode: number, stderr: string): string {
  return `command '${argv.join(' ')}' exited with ${exitCode}: ${stderr}`;
}
