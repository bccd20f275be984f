import { describe, expect, it } from 'vitest';
import { schemaForKind } from '../../api/schema/registry';
import { schemaPatchMeta } from './patch-meta';
import { applyStrategicMergePatch } from './strategic-merge';

const podMeta = schemaPatchMeta(schemaForKind('', 'v1', 'Pod')!);
const serviceMeta = schemaPatchMeta(schemaForKind('', 'v1', 'Service')!);
const deploymentMeta = schemaPatchMeta(schemaForKind('apps', 'v1', 'Deployment')!);

const pod = {
  metadata: { name: 'p', labels: { a: '1', b: '2' }, finalizers: ['x', 'y'] },
  spec: {
    containers: [
      { name: 'web', image: 'nginx', args: ['-a', '-b'], ports: [{ containerPort: 80, protocol: 'TCP' }] },
      { name: 'side', image: 'busybox' },
    ],
  },
};

describe('strategic merge patch with the schema', () => {
  it('merges containers by name, keeping the ones the patch does not name', () => {
    const result = applyStrategicMergePatch(pod, { spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } }, podMeta) as typeof pod;
    expect(result.spec.containers.map((c) => [c.name, c.image])).toEqual([
      ['web', 'nginx:1.28'],
      ['side', 'busybox'],
    ]);
    expect(result.spec.containers[0].ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
  });

  it('replaces lists without a patch strategy', () => {
    const result = applyStrategicMergePatch(pod, { spec: { containers: [{ name: 'web', args: ['-c'] }] } }, podMeta) as typeof pod;
    expect(result.spec.containers[0].args).toEqual(['-c']);
  });

  it('merges container ports by containerPort but service ports by port', () => {
    const withPort = applyStrategicMergePatch(pod, { spec: { containers: [{ name: 'web', ports: [{ containerPort: 443 }] }] } }, podMeta) as typeof pod;
    expect(withPort.spec.containers[0].ports?.map((p) => p.containerPort)).toEqual([80, 443]);
    const service = { spec: { ports: [{ name: 'http', port: 80, targetPort: 8080 }] } };
    const merged = applyStrategicMergePatch(service, { spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443, name: 'https' }] } }, serviceMeta) as typeof service;
    expect(merged.spec.ports).toEqual([
      { name: 'http', port: 80, targetPort: 9090 },
      { port: 443, name: 'https' },
    ]);
  });

  it('orders merged items as $setElementOrder says', () => {
    const result = applyStrategicMergePatch(pod, { spec: { '$setElementOrder/containers': [{ name: 'side' }, { name: 'web' }], containers: [{ name: 'web', image: 'nginx:2' }] } }, podMeta) as typeof pod;
    expect(result.spec.containers.map((c) => c.name)).toEqual(['side', 'web']);
  });

  it('deletes list items with $patch: delete and keys with null', () => {
    const result = applyStrategicMergePatch(pod, { metadata: { labels: { a: null } }, spec: { containers: [{ name: 'side', $patch: 'delete' }] } }, podMeta) as typeof pod;
    expect(result.spec.containers.map((c) => c.name)).toEqual(['web']);
    expect(result.metadata.labels).toEqual({ b: '2' });
  });

  it('merges finalizers as a set and removes values with $deleteFromPrimitiveList', () => {
    const added = applyStrategicMergePatch(pod, { metadata: { finalizers: ['y', 'z'] } }, podMeta) as typeof pod;
    expect(added.metadata.finalizers).toEqual(['x', 'y', 'z']);
    const removed = applyStrategicMergePatch(pod, { metadata: { '$deleteFromPrimitiveList/finalizers': ['x'] } }, podMeta) as typeof pod;
    expect(removed.metadata.finalizers).toEqual(['y']);
  });

  it('keeps only $retainKeys, as kubectl apply asks when switching a deployment to Recreate', () => {
    const deployment = { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } } };
    const result = applyStrategicMergePatch(deployment, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }, deploymentMeta);
    expect(result).toEqual({ spec: { strategy: { type: 'Recreate' } } });
  });

  it('replaces a map whole with $patch: replace', () => {
    const result = applyStrategicMergePatch(pod, { metadata: { labels: { $patch: 'replace', c: '3' } } }, podMeta) as typeof pod;
    expect(result.metadata.labels).toEqual({ c: '3' });
  });
});
