// A pod's quality-of-service class from its containers' requests and limits. Upstream:
// pkg/apis/core/helper/qos/qos.go.

import type { Container, PodSpec } from './core';
import { parseQuantity } from './quantity';

const TRACKED = ['cpu', 'memory'];

export function qosClass(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers: Container[] = [...spec.containers, ...(spec.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const container of containers) {
    const requests = container.resources?.requests ?? {};
    const limits = container.resources?.limits ?? {};
    for (const name of TRACKED) {
      const request = requests[name] ?? limits[name];
      const limit = limits[name];
      if ((request !== undefined && parseQuantity(request) !== 0) || (limit !== undefined && parseQuantity(limit) !== 0)) any = true;
      if (limit === undefined || request === undefined || parseQuantity(request) !== parseQuantity(limit)) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
