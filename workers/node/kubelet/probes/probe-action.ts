// One probe attempt, as the kubelet's prober makes it: exec (exit code 0 succeeds; the output is
// the message), httpGet (200–399 succeed, 3xx that leave the host only with a warning), tcpSocket
// (connecting succeeds), grpc (kubetab's images serve no gRPC health service, so the client
// times out as upstream's does). An error (a port that cannot be resolved, a command that cannot
// start) is not a result at all. Upstream: pkg/kubelet/prober/prober.go, pkg/probe/*.

import type { Probe } from '../../../../src/api/core';
import { goDuration } from '../../images/image-cache';
import { expand } from '../container-env';
import { dialError, resolveContainerPort, type ActionDeps, type ActionTarget } from '../actions/action-target';
import { execInContainer } from '../actions/exec-in-container';
import { httpGet } from '../actions/http-get';

export type ProbeType = 'Liveness' | 'Readiness' | 'Startup';

export type ProbeOutcome = { result: 'success' | 'failure' | 'warning'; output: string } | { error: string };

/** `$(VAR)` in an exec probe's command, from the container's literal env values only. */
function staticCommand(command: string[], target: ActionTarget): string[] {
  const vars: Record<string, string> = {};
  for (const variable of target.container.env ?? []) if (variable.value !== undefined) vars[variable.name] = variable.value;
  return command.map((arg) => expand(arg, vars));
}

async function execProbe(command: string[], target: ActionTarget, deps: ActionDeps, timeoutMs: number): Promise<ProbeOutcome> {
  const argv = staticCommand(command, target);
  const outcome = await execInContainer(argv, target, deps, timeoutMs);
  if (outcome.kind === 'error') return { error: outcome.message };
  if (outcome.kind === 'timeout') return { result: 'failure', output: `command ${JSON.stringify(argv.join(' '))} timed out` };
  return { result: outcome.exitCode === 0 ? 'success' : 'failure', output: outcome.stdout + outcome.stderr };
}

async function tcpProbe(ip: string, port: number, deps: ActionDeps, timeoutMs: number): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const timer = deps.clock.after(timeoutMs, () => resolve({ result: 'failure', output: `dial tcp ${ip}:${port}: i/o timeout` }));
    deps.connect(ip, port).then(
      (stream) => {
        timer.cancel();
        stream.close();
        resolve({ result: 'success', output: '' });
      },
      (errno: unknown) => {
        timer.cancel();
        resolve({ result: 'failure', output: dialError(ip, port, errno) });
      },
    );
  });
}

export async function runProbe(probe: Probe, target: ActionTarget, deps: ActionDeps): Promise<ProbeOutcome> {
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
  try {
    if (probe.exec) return await execProbe(probe.exec.command ?? [], target, deps, timeoutMs);
    if (probe.httpGet) {
      const outcome = await httpGet(probe.httpGet, target, deps, 'probe', timeoutMs);
      if (outcome.kind === 'error') return { result: 'failure', output: outcome.message };
      const { status, body } = outcome.response;
      const text = new TextDecoder().decode(body.subarray(0, 10 * 1024));
      if (status >= 200 && status < 300) return { result: 'success', output: text };
      if (status >= 300 && status < 400) return { result: 'warning', output: `Probe terminated redirects, Response body: ${text}` };
      return { result: 'failure', output: `HTTP probe failed with statuscode: ${status}` };
    }
    if (probe.tcpSocket) {
      const port = resolveContainerPort(probe.tcpSocket.port, target.container);
      return await tcpProbe(probe.tcpSocket.host || target.podIP, port, deps, timeoutMs);
    }
    if (probe.grpc) {
      const address = `${target.podIP}:${probe.grpc.port}`;
      await deps.clock.sleep(timeoutMs);
      return { result: 'failure', output: `timeout: failed to connect service ${JSON.stringify(address)} within ${goDuration(timeoutMs)}: context deadline exceeded` };
    }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  return { error: `missing probe handler for ${target.pod.metadata.name}_${target.pod.metadata.namespace}(${target.pod.metadata.uid}):${target.container.name}` };
}
