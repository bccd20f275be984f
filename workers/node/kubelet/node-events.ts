// The events a kubelet records about its own node: "Starting kubelet." each time it starts, the
// node allocatable being enforced, and each node condition reaching a status ("Node X status is
// now: NodeHasSufficientMemory"). A pressure condition reports when it is new or its status
// changes; Ready only when an existing condition changes status. The kubelet's node reference
// carries the node's name as its uid, which is why `kubectl describe node` looks events up both
// ways. Upstream: pkg/kubelet/kubelet.go (BirthCry), pkg/kubelet/nodestatus/setters.go,
// pkg/kubelet/cm/node_container_manager_linux.go.

import type { NodeCondition, ObjectReference } from '../../../src/api/core';
import type { ClusterClock } from '../../../src/cluster/clock';
import type { ApiClient } from '../../../src/client/client';
import { EventRecorder } from '../../../src/client/event-recorder';

/** The event each condition status is announced with. */
const STATUS_EVENTS: Record<string, Record<string, string>> = {
  MemoryPressure: { False: 'NodeHasSufficientMemory', True: 'NodeHasInsufficientMemory' },
  DiskPressure: { False: 'NodeHasNoDiskPressure', True: 'NodeHasDiskPressure' },
  PIDPressure: { False: 'NodeHasSufficientPID', True: 'NodeHasInsufficientPID' },
  Ready: { True: 'NodeReady', False: 'NodeNotReady' },
};

/** The status events for going from `old` conditions (none: a node built afresh) to `fresh`. */
export function conditionEvents(old: readonly NodeCondition[] | undefined, fresh: readonly NodeCondition[]): string[] {
  const events: string[] = [];
  for (const condition of fresh) {
    const before = old?.find((c) => c.type === condition.type);
    if (before?.status === condition.status) continue;
    if (condition.type === 'Ready' && !before) continue;
    const event = STATUS_EVENTS[condition.type]?.[condition.status];
    if (event) events.push(event);
  }
  return events;
}

/** Records one kubelet run's events about its node (a restarted kubelet starts a new run). */
export class NodeEvents {
  private readonly recorder: EventRecorder;
  private readonly node: ObjectReference;

  constructor(
    client: ApiClient,
    clock: ClusterClock,
    private readonly nodeName: string,
  ) {
    this.recorder = new EventRecorder(client, clock, { component: 'kubelet', host: nodeName });
    this.node = { kind: 'Node', name: nodeName, uid: nodeName, namespace: '' };
  }

  started(): void {
    this.recorder.event(this.node, 'Normal', 'Starting', 'Starting kubelet.');
  }

  allocatableEnforced(): void {
    this.recorder.event(this.node, 'Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
  }

  conditionsChanged(old: readonly NodeCondition[] | undefined, fresh: readonly NodeCondition[]): void {
    for (const event of conditionEvents(old, fresh)) this.recorder.event(this.node, 'Normal', event, `Node ${this.nodeName} status is now: ${event}`);
  }
}
