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
});
