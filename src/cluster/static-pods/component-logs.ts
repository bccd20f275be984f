// What `kubectl logs` shows for the control-plane components, in each one's own log format
// (klog for the Kubernetes components, zap JSON for etcd), made only of what kubetab really did:
// the store's revision when it started, the API server's advertised address, and the
// scheduler's and controllers' decisions as the Events they recorded.

import type { CoreEvent } from '../../api/core';
import { findResource } from '../../api/scheme';
import type { ApiClient } from '../../client/client';
import { klogHeader } from '../../util/klog';
import type { StaticPodComponent } from './manifests';

const EVENTS = findResource('', 'v1', 'events')!;
const VERSION = 'v1.32.2';

export interface LogLine {
  at: number;
  text: string;
}

/** What the logs are built from. */
export interface LogFacts {
  client: ApiClient;
  /** When the components started (cluster time, ms). */
  startedAt: number;
  /** The store's revision when they started. */
  startRevision: number;
  /** The control-plane node's address. */
  nodeIP: string;
}

/** A klog info line: `I1123 21:25:34.123456       1 file.go:123] message`. */
function klog(at: number, source: string, message: string): LogLine {
  return { at, text: `${klogHeader('I', at, source, 'utc')}${message}` };
}

function recordedAt(event: CoreEvent): number {
  return Date.parse(event.firstTimestamp ?? event.eventTime ?? event.metadata.creationTimestamp ?? '') || 0;
}

/** When an event happened; no earlier than the component's start, since event times are often whole seconds. */
function eventTime(event: CoreEvent, facts: LogFacts): number {
  return Math.max(recordedAt(event), facts.startedAt);
}

/** The events this run of the components recorded (those of a run before a reload are not in its log). */
async function events(facts: LogFacts, fieldSelector: string): Promise<CoreEvent[]> {
  const startSecond = Math.floor(facts.startedAt / 1000) * 1000;
  const list = await facts.client.list<CoreEvent>(EVENTS, undefined, { fieldSelector });
  return list.items.filter((event) => recordedAt(event) >= startSecond).sort((a, b) => eventTime(a, facts) - eventTime(b, facts));
}

async function schedulerLog(facts: LogFacts): Promise<LogLine[]> {
  const bound = (await events(facts, 'reportingComponent=default-scheduler,reason=Scheduled')).flatMap((event) => {
    const match = /^Successfully assigned (\S+) to (\S+)$/.exec(event.message ?? '');
    return match ? [klog(eventTime(event, facts), 'schedule_one.go:314', `"Successfully bound pod to node" pod=${JSON.stringify(match[1])} node=${JSON.stringify(match[2])}`)] : [];
  });
  return [klog(facts.startedAt, 'server.go:166', `"Starting Kubernetes Scheduler" version=${JSON.stringify(VERSION)}`), ...bound];
}

async function controllerManagerLog(facts: LogFacts): Promise<LogLine[]> {
  const recorded = (await events(facts, '')).filter((event) => (event.source?.component ?? event.reportingComponent)?.endsWith('-controller'));
  const lines = recorded.map((event) => {
    const o = event.involvedObject;
    const object = o.namespace ? `${o.namespace}/${o.name ?? ''}` : (o.name ?? '');
    const fields = [
      ['object', object],
      ['fieldPath', o.fieldPath ?? ''],
      ['kind', o.kind ?? ''],
      ['apiVersion', o.apiVersion ?? ''],
      ['type', event.type ?? ''],
      ['reason', event.reason ?? ''],
      ['message', event.message ?? ''],
    ];
    return klog(eventTime(event, facts), 'event.go:389', `"Event occurred" ${fields.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ')}`);
  });
  return [klog(facts.startedAt, 'controllermanager.go:185', `"Starting" version=${JSON.stringify(VERSION)}`), ...lines];
}

function apiServerLog(facts: LogFacts): LogLine[] {
  return [klog(facts.startedAt, 'options.go:238', `external host was not specified, using ${facts.nodeIP}`), klog(facts.startedAt, 'server.go:145', `Version: ${VERSION}`)];
}

function etcdLog(facts: LogFacts): LogLine[] {
  const line = { level: 'info', ts: new Date(facts.startedAt).toISOString().replace(/Z$/, '000Z'), caller: 'mvcc/kvstore.go:423', msg: 'kvstore restored', 'current-rev': facts.startRevision };
  return [{ at: facts.startedAt, text: JSON.stringify(line) }];
}

/** The component's log lines, oldest first. */
export async function componentLog(component: StaticPodComponent, facts: LogFacts): Promise<LogLine[]> {
  if (component === 'kube-scheduler') return schedulerLog(facts);
  if (component === 'kube-controller-manager') return controllerManagerLog(facts);
  if (component === 'kube-apiserver') return apiServerLog(facts);
  return etcdLog(facts);
}
