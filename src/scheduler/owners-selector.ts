// The selector default topology spreading uses for a pod: the selectors of the Services that
// select it merged, plus its controlling ReplicaSet's selector. Pods that no Service or
// ReplicaSet selects get none, and so no default spreading. Upstream:
// pkg/scheduler/framework/plugins/helper/spread.go (DefaultSelector).

import type { ReplicaSet } from '../api/apps';
import type { Pod, Service } from '../api/core';
import { fromLabelSelector, fromMap, matches, type Selector } from '../api/labels';
import { controllerOf } from '../api/meta';
import type { Informer } from '../client/informer';

export function ownersSelector(pod: Pod, replicaSets: Informer<ReplicaSet>, servicesIn: (namespace: string) => Service[]): Selector {
  const merged: Record<string, string> = {};
  for (const service of servicesIn(pod.metadata.namespace ?? '')) {
    const selector = service.spec.selector;
    if (!selector || Object.keys(selector).length === 0) continue;
    if (matches(fromMap(selector), pod.metadata.labels)) Object.assign(merged, selector);
  }
  const requirements = [...fromMap(merged)];
  const owner = controllerOf(pod.metadata);
  if (owner?.kind === 'ReplicaSet' && owner.apiVersion === 'apps/v1') {
    const rs = replicaSets.get(`${pod.metadata.namespace}/${owner.name}`);
    if (rs) requirements.push(...fromLabelSelector(rs.spec.selector));
  }
  return requirements;
}
