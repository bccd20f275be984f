// Strategies for nodes and namespaces: the cluster-scoped kinds. Upstream:
// pkg/registry/core/node/strategy.go, pkg/registry/core/namespace/strategy.go.

import type { Namespace, Node } from '../../api/core';
import { fieldError } from '../../api/field-errors';
import { findResource } from '../../api/scheme';
import type { Strategy } from '../registry/strategy';
import { namespaceTable, nodeTable } from '../tables/nodes';

export const nodeStrategy: Strategy<Node> = {
  type: findResource('', 'v1', 'nodes')!,
  hasStatus: true,
  defaults(node) {
    node.spec ??= {};
  },
  prepareForCreate(node) {
    node.status ??= {};
  },
  validate(node) {
    return (node.spec.taints ?? []).flatMap((taint, i) =>
      ['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(taint.effect)
        ? []
        : [fieldError.notSupported(`spec.taints[${i}].effect`, taint.effect, ['NoExecute', 'NoSchedule', 'PreferNoSchedule'])],
    );
  },
  selectableFields(node) {
    return { 'spec.unschedulable': String(node.spec?.unschedulable ?? false) };
  },
  table: nodeTable,
};

export const namespaceStrategy: Strategy<Namespace> = {
  type: findResource('', 'v1', 'namespaces')!,
  hasStatus: true,
  returnsDeletedObject: true,
  defaults(ns) {
    ns.spec ??= {};
    ns.metadata.labels = { ...ns.metadata.labels, 'kubernetes.io/metadata.name': ns.metadata.name ?? '' };
  },
  prepareForCreate(ns) {
    ns.spec = { finalizers: ['kubernetes'] };
    ns.status = { phase: 'Active' };
  },
  prepareForUpdate(ns, old) {
    ns.spec = structuredClone(old.spec);
  },
  selectableFields(ns) {
    return { 'status.phase': ns.status?.phase ?? '' };
  },
  deletionFinalizers(ns) {
    return ns.spec?.finalizers ?? [];
  },
  prepareForDelete(ns) {
    ns.status = { ...ns.status, phase: 'Terminating' };
  },
  table: namespaceTable,
};
