import { beforeEach, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api-server';
import type { CoreEvent } from '../../api/core';
import type { EventsV1Event } from '../../api/events';
import { findResource } from '../../api/scheme';
import { StatusError } from '../../client/client';

const CORE_EVENTS = findResource('', 'v1', 'events')!;
const V1_EVENTS = findResource('events.k8s.io', 'v1', 'events')!;

const newStyle: EventsV1Event = {
  apiVersion: 'events.k8s.io/v1',
  kind: 'Event',
  metadata: { name: 'web.1' },
  eventTime: '2026-01-01T12:00:00.123456Z',
  reportingController: 'default-scheduler',
  reportingInstance: 'default-scheduler-kubetab',
  action: 'Binding',
  reason: 'Scheduled',
  regarding: { kind: 'Pod', namespace: 'default', name: 'web', apiVersion: 'v1' },
  note: 'Successfully assigned default/web to kubetab-worker',
  type: 'Normal',
};

describe('Events in both API versions', () => {
  let t: TestApi;
  beforeEach(async () => {
    t = await startTestApi();
  });

  it('stores an events.k8s.io Event once, readable as a core Event field by field', async () => {
    const created = await t.client.create<EventsV1Event>(V1_EVENTS, 'default', newStyle);
    expect(created).toMatchObject({ apiVersion: 'events.k8s.io/v1', note: newStyle.note, regarding: newStyle.regarding, reportingController: 'default-scheduler', deprecatedSource: {}, deprecatedFirstTimestamp: null });
    const core = await t.client.get<CoreEvent>(CORE_EVENTS, 'default', 'web.1');
    expect(core).toMatchObject({
      apiVersion: 'v1',
      involvedObject: newStyle.regarding,
      message: newStyle.note,
      reason: 'Scheduled',
      reportingComponent: 'default-scheduler',
      reportingInstance: 'default-scheduler-kubetab',
      action: 'Binding',
      eventTime: '2026-01-01T12:00:00.123456Z',
      firstTimestamp: null,
      source: {},
    });
    expect(core.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
    expect((await t.client.list(CORE_EVENTS, 'default')).items).toHaveLength(1);
    expect((await t.client.list(V1_EVENTS, 'default')).items).toHaveLength(1);
  });

  it('serves a core Event through events.k8s.io with its deprecated fields', async () => {
    await t.client.create(CORE_EVENTS, 'default', {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'old.1' },
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web' },
      reason: 'Pulled',
      message: 'Container image "nginx" already present on machine',
      source: { component: 'kubelet', host: 'kubetab-worker' },
      firstTimestamp: '2026-01-01T12:00:00Z',
      lastTimestamp: '2026-01-01T12:00:05Z',
      count: 2,
      type: 'Normal',
    } as CoreEvent);
    const v1 = await t.client.get<EventsV1Event>(V1_EVENTS, 'default', 'old.1');
    expect(v1).toMatchObject({ eventTime: null, note: 'Container image "nginx" already present on machine', deprecatedSource: { component: 'kubelet', host: 'kubetab-worker' }, deprecatedCount: 2, deprecatedFirstTimestamp: '2026-01-01T12:00:00Z' });
  });

  it('selects by field under each version’s names', async () => {
    await t.client.create(V1_EVENTS, 'default', newStyle);
    expect((await t.client.list(CORE_EVENTS, 'default', { fieldSelector: 'involvedObject.name=web' })).items).toHaveLength(1);
    expect((await t.client.list(V1_EVENTS, 'default', { fieldSelector: 'regarding.name=web' })).items).toHaveLength(1);
    expect((await t.client.list(V1_EVENTS, 'default', { fieldSelector: 'regarding.name=other' })).items).toHaveLength(0);
  });

  it('validates events.k8s.io creates strictly', async () => {
    try {
      await t.client.create(V1_EVENTS, 'default', { ...newStyle, metadata: { name: 'x' }, eventTime: null, reportingController: '', deprecatedCount: 3 } as EventsV1Event);
      throw new Error('created');
    } catch (error) {
      expect(error).toBeInstanceOf(StatusError);
      const message = (error as StatusError).message;
      expect(message).toMatch(/eventTime: Required value/);
      expect(message).toMatch(/deprecatedCount: Invalid value: "": needs to be unset/);
    }
  });
});
