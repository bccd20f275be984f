// Container lifecycle hooks (postStart, preStop) as the kubelet's handler runner runs them: an
// exec command beside the container, an HTTP GET to the pod, or a sleep on the cluster clock.
// A failure is described in upstream's words; an HTTP hook fails only when the request cannot
// be made (any status code counts as done). Upstream: pkg/kubelet/lifecycle/handlers.go.

import type { LifecycleHandler } from '../../../src/api/core';
import { podDescription, type ActionDeps, type ActionTarget } from './actions/action-target';
import { execInContainer, exitError } from './actions/exec-in-container';
import { httpGet } from './actions/http-get';

/** Runs `handler`; resolves with the failure message, or undefined when it succeeded. */
export async function runLifecycleHandler(handler: LifecycleHandler, target: ActionTarget, deps: ActionDeps): Promise<string | undefined> {
  const where = `for Container "${target.container.name}" in Pod "${podDescription(target.pod)}"`;
  if (handler.exec) {
    const command = handler.exec.command ?? [];
    const outcome = await execInContainer(command, target, deps);
    if (outcome.kind === 'exited' && outcome.exitCode === 0) return undefined;
    const error = outcome.kind === 'exited' ? exitError(command, outcome.exitCode, outcome.stderr) : outcome.kind === 'error' ? outcome.message : 'command timed out';
    const output = outcome.kind === 'exited' ? outcome.stdout + outcome.stderr : '';
    return `Exec lifecycle hook ([${command.join(' ')}]) ${where} failed - error: ${error}, message: ${JSON.stringify(output)}`;
  }
  if (handler.httpGet) {
    const path = handler.httpGet.path ?? '';
    try {
      const outcome = await httpGet(handler.httpGet, target, deps, 'lifecycle');
      return outcome.kind === 'error' ? `HTTP lifecycle hook (${path}) ${where} failed - error: ${outcome.message}` : undefined;
    } catch (error) {
      return `HTTP lifecycle hook (${path}) ${where} failed - error: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  if (handler.sleep) {
    await deps.clock.sleep(handler.sleep.seconds * 1000);
    return undefined;
  }
  return `Cannot run handler: invalid handler: ${JSON.stringify(handler)}`;
}
