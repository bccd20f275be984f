// The status the kubelet reports for a pod: phase (terminal phases never revert), conditions,
// host and pod IPs, start time, and every container's status in spec order.

import type { Pod, PodCondition, PodStatus } from '../../../src/api/core';
import type { ContainerRecord } from './container-record';
import { podConditions } from './pod-conditions';
import { podPhase } from './pod-phase';

export interface PodStatusInput {
  pod: Pod;
  records: readonly ContainerRecord[];
  hostIP: string;
  podIP?: string;
  sandboxReady: boolean;
  startTime: string;
  /** The pod is being finished for good (deleted or past its deadline). */
  terminal: boolean;
  /** Set when the kubelet itself failed the pod (DeadlineExceeded, Evicted). */
  failure?: { reason: string; message: string };
  now: string;
}

const TERMINAL = new Set(['Succeeded', 'Failed']);

export function buildPodStatus(input: PodStatusInput): PodStatus {
  const { pod, records } = input;
  const initStatuses = records.filter((r) => r.kind !== 'app').map((r) => r.toStatus());
  const appStatuses = records.filter((r) => r.kind === 'app').map((r) => r.toStatus());
  const all = [...initStatuses, ...appStatuses];
  const previous = pod.status ?? {};
  let phase = input.failure ? 'Failed' : podPhase(pod, all, input.terminal);
  if (previous.phase && TERMINAL.has(previous.phase)) phase = previous.phase;
  const kubeletConditions = podConditions(pod, all, phase, input.sandboxReady, previous.conditions ?? [], input.now);
  const others: PodCondition[] = (previous.conditions ?? []).filter((c) => !kubeletConditions.some((k) => k.type === c.type));
  const status: PodStatus = {
    phase,
    conditions: [...kubeletConditions, ...others],
    hostIP: input.hostIP,
    hostIPs: [{ ip: input.hostIP }],
    startTime: previous.startTime ?? input.startTime,
    containerStatuses: appStatuses,
    qosClass: previous.qosClass,
  };
  if (input.podIP) {
    status.podIP = input.podIP;
    status.podIPs = [{ ip: input.podIP }];
  }
  if (initStatuses.length > 0) status.initContainerStatuses = initStatuses;
  const failure = input.failure ?? (previous.reason ? { reason: previous.reason, message: previous.message ?? '' } : undefined);
  if (failure) {
    status.reason = failure.reason;
    status.message = failure.message;
  }
  if (previous.nominatedNodeName) status.nominatedNodeName = previous.nominatedNodeName;
  return status;
}
