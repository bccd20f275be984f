// The Events section of describe: the object's events found by field selector, ordered by
// when they last happened, with ages and repeat counts (`5m (x3 over 10m)`); the listing and
// the age cell are kubectl events' too. Upstream:
// staging/src/k8s.io/kubectl/pkg/describe/describe.go (DescribeEvents, searchEvents) and
// pkg/util/event/sorted_event_list.go.

import type { CoreEvent } from '../../api/core';
import { age } from '../../api/duration';
import type { KubeList, KubeObject } from '../../api/meta';
import { findResource, resourcePath } from '../../api/scheme';
import type { KubectlContext } from '../context';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer';

const EVENTS = findResource('', 'v1', 'events')!;

/** Events about `object` (by name, namespace and uid; `kind` left out as describe pod does). */
export async function searchEvents(ctx: KubectlContext, object: KubeObject, withKind: boolean): Promise<CoreEvent[]> {
  const meta = object.metadata;
  const selector: string[] = [];
  if (withKind) selector.push(`involvedObject.kind=${object.kind}`);
  selector.push(`involvedObject.name=${meta.name}`);
  if (meta.namespace) selector.push(`involvedObject.namespace=${meta.namespace}`);
  if (meta.uid) selector.push(`involvedObject.uid=${meta.uid}`);
  return listEvents(ctx, meta.namespace ?? 'default', selector.join(','));
}

/** Every core/v1 event in `namespace` (in all when undefined) the field selector picks, 500 a page. */
export async function listEvents(ctx: KubectlContext, namespace: string | undefined, fieldSelector: string | undefined): Promise<CoreEvent[]> {
  const items: CoreEvent[] = [];
  let token: string | undefined;
  do {
    const query: Record<string, string> = { limit: '500' };
    if (fieldSelector) query.fieldSelector = fieldSelector;
    if (token) query.continue = token;
    const list = await ctx.client.send<KubeList<CoreEvent>>({ method: 'GET', path: resourcePath(EVENTS, namespace), query });
    items.push(...list.items);
    token = list.metadata.continue;
  } while (token);
  return items;
}

/** kubectl 1.32 orders describe's events by lastTimestamp alone (unset sorts first). */
function eventTime(e: CoreEvent): number {
  return e.lastTimestamp ? Date.parse(e.lastTimestamp) : 0;
}

export function describeEvents(events: readonly CoreEvent[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = [...events].sort((a, b) => eventTime(a) - eventTime(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${eventInterval(e, now)}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}

/**
 * How long ago an event happened, and how often over how long when it repeated
 * (`5m (x3 over 10m)`): describe's Age and kubectl events' LAST SEEN.
 */
export function eventInterval(e: CoreEvent, now: number): string {
  const first = e.eventTime ? age(e.eventTime, now) : age(e.firstTimestamp, now);
  if (e.series) return `${age(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`;
  if ((e.count ?? 0) > 1) return `${age(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}
