import { describe, expect, it } from 'vitest';
import { startTestApi } from '../../test/support/api-server';
import type { CoreEvent, Pod } from '../api/core';
import { findResource } from '../api/scheme';
import { EventRecorder, REMEMBERED_EVENTS } from './event-recorder';

const EVENTS = findResource('', 'v1', 'events')!;

function pod(name: string): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}` }, spec: { containers: [] } };
}

describe('the event recorder', () => {
  it('counts a repeat on the event it remembers, and forgets the least recently used past upstream’s 4,096', async () => {
    const t = await startTestApi();
    const recorder = new EventRecorder(t.client, t.clock, { component: 'kubelet', host: 'node-1' });
    const events = async () => (await t.client.list<CoreEvent>(EVENTS, 'default')).items;

    recorder.event(pod('first'), 'Normal', 'Pulled', 'pulled');
    recorder.event(pod('first'), 'Normal', 'Pulled', 'pulled');
    await recorder.flush();
    expect((await events()).map((e) => [e.involvedObject.name, e.count])).toEqual([['first', 2]]);

    for (let i = 0; i < REMEMBERED_EVENTS; i++) recorder.event(pod(`other-${i}`), 'Normal', 'Pulled', 'pulled');
    recorder.event(pod('first'), 'Normal', 'Pulled', 'pulled');
    await recorder.flush();
    const firsts = (await events()).filter((e) => e.involvedObject.name === 'first');
    expect(firsts.map((e) => e.count).sort()).toEqual([1, 2]);

    recorder.event(pod(`other-${REMEMBERED_EVENTS - 1}`), 'Normal', 'Pulled', 'pulled');
    await recorder.flush();
    const last = (await events()).filter((e) => e.involvedObject.name === `other-${REMEMBERED_EVENTS - 1}`);
    expect(last.map((e) => e.count)).toEqual([2]);
  });

  it('names a burst of events in one millisecond apart, in the order they were recorded', async () => {
    const t = await startTestApi();
    const recorder = new EventRecorder(t.client, t.clock, { component: 'default-scheduler', api: 'events.k8s.io' });
    const count = 3000;
    for (let i = 0; i < count; i++) recorder.event(pod(`burst-${i}`), 'Normal', 'Scheduled', `Successfully assigned default/burst-${i} to node-1`);
    await recorder.flush();
    const events = (await t.client.list<CoreEvent>(EVENTS, 'default')).items;
    expect(new Set(events.map((e) => e.metadata.name)).size).toBe(count);
    // A name is the object's name and the hex UnixNano; in time order they run as recorded.
    const stamp = (e: CoreEvent) => (e.metadata.name ?? '').split('.')[1];
    const inTimeOrder = events.sort((a, b) => stamp(a).localeCompare(stamp(b))).map((e) => e.involvedObject.name);
    expect(inTimeOrder).toEqual(Array.from({ length: count }, (_, i) => `burst-${i}`));
  });
});
