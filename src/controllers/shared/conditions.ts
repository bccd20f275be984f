// Setting a condition in a status's list the way upstream workload controllers do: a condition
// with the same status and reason is left alone, and lastTransitionTime only moves when the
// status changes. Upstream: pkg/controller/deployment/util (SetDeploymentCondition) and
// pkg/controller/replicaset/replica_set_utils.go (SetCondition).

export interface StatusCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
  lastProbeTime?: string;
}

export function findCondition<C extends StatusCondition>(conditions: readonly C[] | undefined, type: string): C | undefined {
  return conditions?.find((c) => c.type === type);
}

/** The list with `condition` set in place of any condition of its type (appended last, as upstream does). */
export function setCondition<C extends StatusCondition>(conditions: readonly C[] | undefined, condition: C): C[] {
  const list = conditions ? [...conditions] : [];
  const current = findCondition(list, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return list;
  const next = { ...condition };
  if (current && current.status === condition.status && current.lastTransitionTime) next.lastTransitionTime = current.lastTransitionTime;
  return [...list.filter((c) => c.type !== condition.type), next];
}

export function removeCondition<C extends StatusCondition>(conditions: readonly C[] | undefined, type: string): C[] {
  return (conditions ?? []).filter((c) => c.type !== type);
}
