// Node selector terms (node affinity) and nodeSelector matching against a node's labels and
// name. Upstream: staging/src/k8s.io/component-helpers/scheduling/corev1/nodeaffinity.

import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod } from './core';

function matchRequirement(req: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return value !== undefined && /^-?\d+$/.test(value) && Number(value) > Number(values[0]);
    case 'Lt':
      return value !== undefined && /^-?\d+$/.test(value) && Number(value) < Number(values[0]);
    default:
      return false;
  }
}

export function matchesTerm(node: Node, term: NodeSelectorTerm): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  return (
    expressions.every((req) => matchRequirement(req, Object.prototype.hasOwnProperty.call(labels, req.key) ? labels[req.key] : undefined)) &&
    fields.every((req) => matchRequirement(req, req.key === 'metadata.name' ? node.metadata.name : undefined))
  );
}

/** Whether a node satisfies a pod's nodeSelector and required node affinity. */
export function nodeMatchesPod(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [key, value] of Object.entries(pod.spec.nodeSelector ?? {})) if (labels[key] !== value) return false;
  const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms && !terms.some((term) => matchesTerm(node, term))) return false;
  return true;
}
