import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../api/apps';
import { maxSurge, maxUnavailable } from './deployment-strategy';

function withStrategy(replicas: number, strategy?: Deployment['spec']['strategy']): Deployment {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas, strategy, selector: {}, template: { spec: { containers: [] } } } };
}

describe('rolling update fenceposts', () => {
  it('defaults a missing strategy to 25% surge rounded up and 25% unavailable rounded down', () => {
    const d = withStrategy(10);
    expect([maxSurge(d), maxUnavailable(d)]).toEqual([3, 2]);
  });

  it('allows one unavailable pod when both fenceposts round to zero', () => {
    const d = withStrategy(3, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '10%' } });
    expect([maxSurge(d), maxUnavailable(d)]).toEqual([0, 1]);
  });

  it('never allows more unavailable pods than replicas, and none for Recreate', () => {
    expect(maxUnavailable(withStrategy(2, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 5 } }))).toBe(2);
    expect([maxSurge(withStrategy(4, { type: 'Recreate' })), maxUnavailable(withStrategy(4, { type: 'Recreate' }))]).toEqual([0, 0]);
  });
});
