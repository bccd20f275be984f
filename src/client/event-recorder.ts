// Records Events about objects as upstream components do: a new event the first time, and for
// a repeat of the same (object, reason, message, type) within ten minutes, a higher count and a
// later lastTimestamp on the existing one. Upstream:
// staging/src/k8s.io/client-go/tools/record (event.go, events_cache.go).

import type { CoreEvent, ObjectReference } from '../api/core';
import type { KubeObject } from '../api/meta';
import { findResource } from '../api/scheme';
import type { ClusterClock } from '../cluster/clock';
import { isNotFound, type ApiClient } from './client';

const EVENTS = findResource('', 'v1', 'events')!;
const AGGREGATION_WINDOW_MS = 10 * 60 * 1000;
/** How many recent events a recorder remembers for counting repeats (upstream's LRU size). */
export const REMEMBERED_EVENTS = 4096;

export interface EventSource {
  component: string;
  host?: string;
  /**
   * `events.k8s.io` records as components on the newer events API do (the scheduler): eventTime,
   * reportingController and instance, an action, and repeats counted in a series.
   */
  api?: 'core' | 'events.k8s.io';
  /** The reporting instance for `events.k8s.io` events (`default-scheduler-<node>`). */
  instance?: string;
}

interface Recorded {
  name: string;
  namespace: string;
  count: number;
  firstAt: number;
  lastAt: number;
}

const LOW_BITS = 2 ** 24;

/**
 * `ms` milliseconds plus `nanos` as Go's `%x` of UnixNano, in exact integer arithmetic without
 * BigInt: the milliseconds split at bit 24 keep every partial product under 2^53.
 */
export function unixNanoHex(ms: number, nanos: number): string {
  const whole = Math.floor(ms);
  const highMs = Math.floor(whole / LOW_BITS);
  const low = (whole % LOW_BITS) * 1_000_000 + nanos;
  const high = highMs * 1_000_000 + Math.floor(low / LOW_BITS);
  const lowHex = (low % LOW_BITS).toString(16);
  return high === 0 ? lowHex : `${high.toString(16)}${lowHex.padStart(6, '0')}`;
}

export function referenceTo(object: KubeObject, fieldPath?: string): ObjectReference {
  const ref: ObjectReference = {
    kind: object.kind,
    namespace: object.metadata.namespace,
    name: object.metadata.name,
    uid: object.metadata.uid,
    apiVersion: object.apiVersion,
    resourceVersion: object.metadata.resourceVersion,
  };
  if (fieldPath) ref.fieldPath = fieldPath;
  return ref;
}

export class EventRecorder {
  private recorded = new Map<string, Recorded>();
  private chain: Promise<void> = Promise.resolve();
  private lastNamed = { ms: -1, nanos: 0 };

  constructor(
    private readonly client: ApiClient,
    private readonly clock: ClusterClock,
    private readonly source: EventSource,
  ) {}

  /** Records an event; writes happen in order, in the background. */
  event(object: KubeObject | ObjectReference, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string, action?: string): void {
    const ref = 'metadata' in object ? referenceTo(object as KubeObject, fieldPath) : { ...(object as ObjectReference) };
    this.chain = this.chain.then(() => this.write(ref, type, reason, message, action)).catch(() => undefined);
  }

  /** Resolves when every event recorded so far has been written. */
  flush(): Promise<void> {
    return this.chain;
  }

  private async write(ref: ObjectReference, type: string, reason: string, message: string, action?: string): Promise<void> {
    const now = this.clock.now();
    const namespace = ref.namespace || 'default';
    const key = `${ref.kind ?? ''}\u0000${ref.namespace ?? ''}\u0000${ref.name ?? ''}\u0000${ref.uid ?? ''}\u0000${ref.fieldPath ?? ''}\u0000${reason}\u0000${message}\u0000${type}`;
    const previous = this.recorded.get(key);
    if (previous && now - previous.firstAt < AGGREGATION_WINDOW_MS) {
      this.remember(key, previous);
      previous.count++;
      previous.lastAt = now;
      const patch =
        this.source.api === 'events.k8s.io'
          ? { series: { count: previous.count, lastObservedTime: this.clock.microTimestamp(now) } }
          : { count: previous.count, lastTimestamp: this.clock.timestamp(now) };
      try {
        await this.client.patch(EVENTS, previous.namespace, previous.name, patch, 'merge');
        return;
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    const stamp = this.nameStamp(now);
    const name = `${ref.name ?? 'unknown'}.${unixNanoHex(stamp.ms, stamp.nanos)}`;
    const event: CoreEvent = this.source.api === 'events.k8s.io' ? this.newStyle(name, namespace, ref, type, reason, message, action ?? reason, now) : this.coreStyle(name, namespace, ref, type, reason, message, now);
    await this.client.create(EVENTS, namespace, event);
    this.remember(key, { name, namespace, count: 1, firstAt: now, lastAt: now });
  }

  /**
   * The time a new event's name carries (UnixNano upstream): the clock's millisecond plus random
   * nanoseconds, so that recorders writing in the same millisecond do not collide, yet always
   * after this recorder's last name (carrying into the next millisecond if need be), so its
   * events never collide with each other and list in the order they happened.
   */
  private nameStamp(ms: number): { ms: number; nanos: number } {
    const last = this.lastNamed;
    let stamp = { ms, nanos: Math.floor(Math.random() * 1_000_000) };
    if (stamp.ms < last.ms || (stamp.ms === last.ms && stamp.nanos <= last.nanos)) {
      const nanos = last.nanos + 1 + Math.floor(Math.random() * 1000);
      stamp = nanos < 1_000_000 ? { ms: last.ms, nanos } : { ms: last.ms + 1, nanos: nanos - 1_000_000 };
    }
    this.lastNamed = stamp;
    return stamp;
  }

  /** Makes `key` the most recently used, forgetting the least recently used past the limit. */
  private remember(key: string, recorded: Recorded): void {
    this.recorded.delete(key);
    this.recorded.set(key, recorded);
    if (this.recorded.size > REMEMBERED_EVENTS) this.recorded.delete(this.recorded.keys().next().value as string);
  }

  /** An event as core/v1 recorders write it. */
  private coreStyle(name: string, namespace: string, ref: ObjectReference, type: string, reason: string, message: string, now: number): CoreEvent {
    const timestamp = this.clock.timestamp(now);
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: ref,
      reason,
      message,
      source: this.source.host ? { component: this.source.component, host: this.source.host } : { component: this.source.component },
      firstTimestamp: timestamp,
      lastTimestamp: timestamp,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: this.source.component,
      reportingInstance: this.source.host ?? '',
    };
  }

  /** An event as the events.k8s.io API stores it, seen through core/v1. */
  private newStyle(name: string, namespace: string, ref: ObjectReference, type: string, reason: string, message: string, action: string, now: number): CoreEvent {
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: ref,
      reason,
      message,
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      type,
      eventTime: this.clock.microTimestamp(now),
      action,
      reportingComponent: this.source.component,
      reportingInstance: this.source.instance ?? this.source.component,
    };
  }
}
