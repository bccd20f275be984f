// What probes and lifecycle handlers act on: the container (its spec and running process), its
// pod and pod IP, and how the node reaches the pod network. Also the port a handler names,
// resolved as upstream resolves it (a container port's name, or a number, maybe as a string).
// Upstream: pkg/probe/util.go (ResolveContainerPort).

import type { Container, Pod } from '../../../../src/api/core';
import type { ClusterClock } from '../../../../src/cluster/clock';
import type { ContainerHandle, NetworkStream } from '../../../runtime/runtime-api';

export interface ActionTarget {
  pod: Pod;
  container: Container;
  /** The running process (exec handlers run beside it). */
  handle: ContainerHandle;
  containerID: string;
  podIP: string;
}

export interface ActionDeps {
  clock: ClusterClock;
  /** Opens a connection from the node (rejects with an errno name: ECONNREFUSED, EHOSTUNREACH). */
  connect(ip: string, port: number): Promise<NetworkStream>;
}

/** A handler's port as a number; throws with Go's message when it cannot be one. */
export function resolveContainerPort(port: number | string, container: Container): number {
  let value: number;
  if (typeof port === 'number') value = port;
  else {
    const named = container.ports?.find((p) => p.name === port);
    if (named) value = named.containerPort;
    else if (/^[+-]?\d+$/.test(port)) value = Number(port);
    else throw new Error(`strconv.Atoi: parsing "${port}": invalid syntax`);
  }
  if (value > 0 && value < 65536) return value;
  throw new Error(`invalid port number: ${value}`);
}

/** Go's text for a failed dial (`dial tcp 10.244.1.5:80: connect: connection refused`). */
export function dialError(ip: string, port: number, errno: unknown): string {
  const reason = errno === 'ECONNREFUSED' || (errno instanceof Error && errno.message === 'ECONNREFUSED') ? 'connection refused' : 'no route to host';
  return `dial tcp ${ip}:${port}: connect: ${reason}`;
}

/** `name_namespace(uid)`, as the kubelet names pods in messages. */
export function podDescription(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}
