import { describe, expect, it } from 'vitest';
import { findResource, type ResourceType } from '../../api/scheme';
import { escapeFieldValue, eventsForSelector, resolveEventsFor } from './events-for';

const DEPLOYMENTS = findResource('apps', 'v1', 'deployments')!;
const PODS = findResource('', 'v1', 'pods')!;

/** A mapper that knows pods and deployments by a few of their names. */
const mapper = {
  find: async (text: string): Promise<ResourceType | undefined> => ({ pod: PODS, po: PODS, deploy: DEPLOYMENTS, 'deployments.v1.apps': DEPLOYMENTS })[text],
};

describe('kubectl events --for', () => {
  it('resolves TYPE/NAME to the kind and apiVersion the server serves', async () => {
    expect(await resolveEventsFor(mapper, 'Pod/web')).toEqual({ kind: 'Pod', apiVersion: 'v1', name: 'web' });
    expect(await resolveEventsFor(mapper, 'deployments.v1.apps/api')).toEqual({ kind: 'Deployment', apiVersion: 'apps/v1', name: 'api' });
    expect(await resolveEventsFor(mapper, 'po/')).toEqual({ kind: 'Pod', apiVersion: 'v1', name: '' });
  });

  it("says what kubectl says about a malformed or unknown TYPE", async () => {
    await expect(resolveEventsFor(mapper, 'web')).rejects.toThrow('error: --for must be in resource/name form');
    await expect(resolveEventsFor(mapper, 'pod/a/b')).rejects.toThrow('error: arguments in resource/name form may not have more than one slash');
    await expect(resolveEventsFor(mapper, '.v1/x')).rejects.toThrow('error: a resource must be present, got: v1/, Resource=');
    await expect(resolveEventsFor(mapper, 'Nope/x')).rejects.toThrow(/^the server doesn't have a resource type "nope"$/);
    await expect(resolveEventsFor(mapper, 'pods.v2/x')).rejects.toThrow(`the server doesn't have a resource type "pods" in group "v2"`);
  });

  it('selects by kind, apiVersion and name, escaped; not at all without a name', () => {
    expect(escapeFieldValue('a\\b,c=d')).toBe('a\\\\b\\,c\\=d');
    expect(eventsForSelector({ kind: 'Deployment', apiVersion: 'apps/v1', name: 'web,x=y' })).toBe('involvedObject.kind=Deployment,involvedObject.apiVersion=apps/v1,involvedObject.name=web\\,x\\=y');
    expect(eventsForSelector({ kind: 'Pod', apiVersion: 'v1', name: '' })).toBeUndefined();
    expect(eventsForSelector(undefined)).toBeUndefined();
  });
});
