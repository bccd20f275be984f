// The control-plane node, played by the main thread: it registers kubetab-control-plane with
// kind's control-plane label and NoSchedule taint (so ordinary pods avoid it), reports it Ready,
// keeps its Lease and status fresh, and records its node events, as its kubelet would.

import type { Node } from '../api/core';
import type { ApiClient } from '../client/client';
import { NodeHeartbeat } from '../../workers/node/kubelet/node-heartbeat';
import { registrationNode, WORKER_IDENTITY } from '../../workers/node/kubelet/node-status';
import type { ClusterClock } from './clock';
import { baseLabels, CONTROL_PLANE_NODE, NODE_CAPACITY, nodeIP } from './topology';

export function startControlPlaneNode(client: ApiClient, clock: ClusterClock): NodeHeartbeat {
  const registration = (): Node =>
    registrationNode(
      {
        name: CONTROL_PLANE_NODE,
        internalIP: nodeIP(0),
        podCIDR: '10.244.0.0/24',
        labels: {
          ...baseLabels(CONTROL_PLANE_NODE),
          'node-role.kubernetes.io/control-plane': '',
          'node.kubernetes.io/exclude-from-external-load-balancers': '',
        },
        capacity: NODE_CAPACITY,
        statusUpdateSeconds: 10,
        pullDelayScale: 1,
      },
      WORKER_IDENTITY,
      clock,
      [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
    );
  return new NodeHeartbeat(client, clock, registration);
}
