import { describe, expect, it } from 'vitest';
import { parseRequestPath } from './request-info';

describe('request paths', () => {
  it('name group, version, namespace, resource, name, subresource and the rest, as upstream splits them', () => {
    expect(parseRequestPath('/api/v1/namespaces/default/pods/web/binding')).toEqual({ kind: 'resource', group: '', version: 'v1', namespace: 'default', resource: 'pods', name: 'web', subresource: 'binding', rest: [] });
    expect(parseRequestPath('/apis/apps/v1/deployments')).toEqual({ kind: 'resource', group: 'apps', version: 'v1', namespace: undefined, resource: 'deployments', name: undefined, subresource: undefined, rest: [] });
    expect(parseRequestPath('/api/v1/namespaces/default/pods/web/proxy/a/b/')).toMatchObject({ resource: 'pods', name: 'web', subresource: 'proxy', rest: ['a', 'b'] });
    expect(parseRequestPath('//api//v1/nodes/n%201')).toMatchObject({ resource: 'nodes', name: 'n 1' });
    expect(parseRequestPath('/api/v1/nodes/n%zz')).toMatchObject({ resource: 'nodes', name: 'n%zz' });
  });

  it('read /namespaces/{name} and its status and finalize as the namespace itself', () => {
    const team = parseRequestPath('/api/v1/namespaces/team');
    expect(team).toMatchObject({ resource: 'namespaces', name: 'team', subresource: undefined });
    expect(team.kind === 'resource' && team.namespace).toBeFalsy();
    expect(parseRequestPath('/api/v1/namespaces/team/finalize')).toMatchObject({ resource: 'namespaces', name: 'team', subresource: 'finalize' });
    expect(parseRequestPath('/api/v1/namespaces')).toMatchObject({ resource: 'namespaces', name: undefined });
  });

  it('leave discovery and other paths to the non-resource handlers', () => {
    for (const path of ['/', '/api', '/api/v1', '/apis/apps', '/apis/apps/v1', '/version', '/openapi/v2']) {
      expect(parseRequestPath(path)).toEqual({ kind: 'nonResource', path });
    }
  });
});
