// Helpers for tests of the kubelet and the pod network on a real test cluster: pods created
// straight through the API (bound to a node by hand where a test needs a place), waiting for a
// pod to reach a state on the manual clock, its events and container logs.

import { expect } from 'vitest';
import type { Container, CoreEvent, Pod, PodSpec } from '../../src/api/core';
import { findResource } from '../../src/api/scheme';
import type { TestCluster } from './node-cluster';

export const PODS = findResource('', 'v1', 'pods')!;
export const EVENTS = findResource('', 'v1', 'events')!;
export const SERVICES = findResource('', 'v1', 'services')!;
export const ENDPOINT_SLICES = findResource('discovery.k8s.io', 'v1', 'endpointslices')!;
export const CONFIG_MAPS = findResource('', 'v1', 'configmaps')!;
export const NODES = findResource('', 'v1', 'nodes')!;

export function podObject(name: string, spec: Partial<PodSpec> & { containers: Container[] }, labels: Record<string, string> = {}): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec };
}

export async function createPod(t: TestCluster, pod: Pod): Promise<Pod> {
  return t.client.create<Pod>(PODS, 'default', pod);
}

export interface WaitOptions {
  /** Cluster time per step (500 ms). */
  stepMs?: number;
  maxSteps?: number;
  /** Real time per step (20 ms): how much work the node and container workers get done in a step. */
  realMs?: number;
}

/**
 * Waits until `check` passes, advancing the manual clock a step at a time and giving the
 * workers real time between steps, so that what takes real time (a process running, a message
 * crossing threads) does not look slow on the cluster clock even when the machine is busy.
 */
export async function waitFor<T>(t: TestCluster, check: () => Promise<T>, options: WaitOptions = {}): Promise<T> {
  const { stepMs = 500, maxSteps = 300, realMs = 20 } = options;
  let lastError: unknown;
  for (let step = 0; step < maxSteps; step++) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
    }
    await t.clock.advance(stepMs);
    await new Promise((resolve) => setTimeout(resolve, realMs));
  }
  throw lastError;
}

/** Waits (advancing the clock) until `check` accepts the pod; returns it. */
export async function waitForPod(t: TestCluster, name: string, check: (pod: Pod) => void, options: WaitOptions = {}): Promise<Pod> {
  return waitFor(
    t,
    async () => {
      const pod = await t.client.get<Pod>(PODS, 'default', name);
      check(pod);
      return pod;
    },
    options,
  );
}

export async function waitForRunning(t: TestCluster, name: string): Promise<Pod> {
  return waitForPod(t, name, (pod) => {
    expect(pod.status?.phase).toBe('Running');
    expect(pod.status?.containerStatuses?.every((c) => c.state?.running)).toBe(true);
  });
}

async function sortedEvents(t: TestCluster, name: string): Promise<CoreEvent[]> {
  const list = await t.client.list<CoreEvent>(EVENTS, 'default', { fieldSelector: `involvedObject.name=${name}` });
  return list.items.sort((a, b) => (a.firstTimestamp ?? '').localeCompare(b.firstTimestamp ?? '') || Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion));
}

/** The pod's events as `Reason: message` lines, oldest first (repeats are one event). */
export async function podEvents(t: TestCluster, name: string): Promise<string[]> {
  return (await sortedEvents(t, name)).map((e) => `${e.reason}: ${e.message}`);
}

/** How many times the pod's event `Reason: message` happened. */
export async function eventCount(t: TestCluster, name: string, line: string): Promise<number> {
  const found = (await sortedEvents(t, name)).find((e) => `${e.reason}: ${e.message}` === line);
  return found?.count ?? 0;
}

export async function logs(t: TestCluster, pod: string, container?: string): Promise<string> {
  const result = await t.kubectl(['logs', pod, ...(container ? ['-c', container] : [])]);
  return result.stdout;
}
