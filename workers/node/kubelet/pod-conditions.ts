// A pod's conditions as the kubelet reports them, in upstream's order and words:
// PodReadyToStartContainers, Initialized, Ready, ContainersReady (PodScheduled stays as the
// scheduler wrote it). Upstream: pkg/kubelet/status/generate.go.

import type { ContainerStatus, Pod, PodCondition } from '../../../src/api/core';

function list(names: string[]): string {
  return `[${names.join(' ')}]`;
}

function condition(type: string, ok: boolean, reason?: string, message?: string): PodCondition {
  const c: PodCondition = { type, status: ok ? 'True' : 'False', lastProbeTime: null };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

function initializedCondition(pod: Pod, statuses: readonly ContainerStatus[], phase: string): PodCondition {
  const inits = pod.spec.initContainers ?? [];
  if (inits.length === 0) return condition('Initialized', true);
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of inits) {
    const s = statuses.find((x) => x.name === c.name);
    if (!s) {
      unknown.push(c.name);
      continue;
    }
    if (c.restartPolicy === 'Always') {
      if (!s.started) incomplete.push(c.name);
    } else if (!(s.state?.terminated && s.state.terminated.exitCode === 0)) {
      incomplete.push(c.name);
    }
  }
  if (phase === 'Succeeded' && unknown.length === 0) return condition('Initialized', true, 'PodCompleted');
  if (unknown.length === 0 && incomplete.length === 0) return condition('Initialized', true);
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${list(unknown)}`);
  if (incomplete.length > 0) messages.push(`containers with incomplete status: ${list(incomplete)}`);
  return condition('Initialized', false, 'ContainersNotInitialized', messages.join(', '));
}

function containersReadyCondition(pod: Pod, statuses: readonly ContainerStatus[], phase: string, type: string): PodCondition {
  if (phase === 'Succeeded') return condition(type, false, 'PodCompleted');
  if (phase === 'Failed') return condition(type, false, 'PodFailed');
  const unknown: string[] = [];
  const unready: string[] = [];
  const containers = [...(pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always'), ...pod.spec.containers];
  for (const c of containers) {
    const s = statuses.find((x) => x.name === c.name);
    if (!s) unknown.push(c.name);
    else if (!s.ready) unready.push(c.name);
  }
  if (unknown.length === 0 && unready.length === 0) {
    if (type === 'Ready') return readinessGatesCondition(pod);
    return condition(type, true);
  }
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${list(unknown)}`);
  if (unready.length > 0) messages.push(`containers with unready status: ${list(unready)}`);
  return condition(type, false, 'ContainersNotReady', messages.join(', '));
}

function readinessGatesCondition(pod: Pod): PodCondition {
  const missing: string[] = [];
  const falseGates: string[] = [];
  for (const gate of pod.spec.readinessGates ?? []) {
    const found = pod.status?.conditions?.find((c) => c.type === gate.conditionType);
    if (!found) missing.push(gate.conditionType);
    else if (found.status !== 'True') falseGates.push(gate.conditionType);
  }
  if (missing.length === 0 && falseGates.length === 0) return condition('Ready', true);
  const messages: string[] = [];
  if (missing.length > 0) messages.push(`corresponding condition of pod readiness gate ${list(missing)} does not exist.`);
  if (falseGates.length > 0) messages.push(`the status of pod readiness gate ${list(falseGates)} is not "True", but False.`);
  return condition('Ready', false, 'ReadinessGatesNotReady', messages.join(', '));
}

/**
 * The kubelet-owned conditions for a pod, keeping each one's lastTransitionTime from `previous`
 * while its status is unchanged, and `now` otherwise.
 */
export function podConditions(
  pod: Pod,
  statuses: readonly ContainerStatus[],
  phase: string,
  sandboxReady: boolean,
  previous: readonly PodCondition[],
  now: string,
): PodCondition[] {
  const fresh = [
    condition('PodReadyToStartContainers', sandboxReady),
    initializedCondition(pod, statuses, phase),
    containersReadyCondition(pod, statuses, phase, 'Ready'),
    containersReadyCondition(pod, statuses, phase, 'ContainersReady'),
  ];
  return fresh.map((c) => {
    const old = previous.find((p) => p.type === c.type);
    return { ...c, lastTransitionTime: old && old.status === c.status && old.lastTransitionTime ? old.lastTransitionTime : now };
  });
}
