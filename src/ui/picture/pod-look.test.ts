// How a pod looks in the picture: a running pod is ready only when its containers are and its
// Ready condition agrees, so the pods of a lost node stop looking ready once the control plane
// marks them, while their READY column still shows what their kubelet last reported.

import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/core';
import { podLook } from './pod-look';

function runningPod(readyCondition: 'True' | 'False', containerReady: boolean): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default' },
    spec: { nodeName: 'kubetab-worker', containers: [{ name: 'web', image: 'nginx' }] },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: readyCondition }],
      containerStatuses: [{ name: 'web', ready: containerReady, restartCount: 0, image: 'nginx', imageID: '', state: { running: {} } }],
    },
  };
}

describe('podLook', () => {
  it('shows a running pod with every container ready as ready', () => {
    expect(podLook(runningPod('True', true))).toMatchObject({ category: 'ready', status: 'Running', ready: 1, total: 1 });
  });

  it('shows a pod its lost node left marked not ready as not ready, READY 1/1 all the same', () => {
    expect(podLook(runningPod('False', true))).toMatchObject({ category: 'not-ready', status: 'Running', ready: 1, total: 1 });
  });

  it('shows a running pod whose container is not ready as not ready', () => {
    expect(podLook(runningPod('False', false))).toMatchObject({ category: 'not-ready', ready: 0, total: 1 });
  });
});
