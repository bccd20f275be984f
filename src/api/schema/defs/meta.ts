// meta.k8s.io/v1 types every kind shares: object and list metadata, owner references, label
// selectors, managed fields, Status, DeleteOptions, conditions and watch events. Upstream:
// staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go.

import { atomic, kind, type PackageSpec } from '../define';

export const META: PackageSpec = {
  prefix: 'io.k8s.apimachinery.pkg.apis.meta.v1',
  structs: {
    ObjectMeta: {
      name: '1 string',
      generateName: '2 string',
      namespace: '3 string',
      selfLink: '4 string',
      uid: '5 string',
      resourceVersion: '6 string',
      generation: '7 int64',
      creationTimestamp: '8 Time',
      deletionTimestamp: '9 *Time',
      deletionGracePeriodSeconds: '10 *int64',
      labels: '11 map[string]string',
      annotations: '12 map[string]string',
      ownerReferences: '13 []OwnerReference merge=uid map=uid',
      finalizers: '14 []string merge set',
      managedFields: '17 []ManagedFieldsEntry atomic',
    },
    ListMeta: {
      selfLink: '1 string',
      resourceVersion: '2 string',
      continue: '3 string',
      remainingItemCount: '4 *int64',
    },
    OwnerReference: atomic({
      apiVersion: '5 string!',
      kind: '1 string!',
      name: '3 string!',
      uid: '4 string!',
      controller: '6 *boolean',
      blockOwnerDeletion: '7 *boolean',
    }),
    LabelSelector: atomic({
      matchLabels: '1 map[string]string',
      matchExpressions: '2 []LabelSelectorRequirement atomic',
    }),
    LabelSelectorRequirement: {
      key: '1 string!',
      operator: '2 string!',
      values: '3 []string atomic',
    },
    FieldSelectorRequirement: {
      key: '1 string!',
      operator: '2 string!',
      values: '3 []string atomic',
    },
    ManagedFieldsEntry: {
      manager: '1 string',
      operation: '2 string',
      apiVersion: '3 string',
      time: '4 *Time',
      fieldsType: '6 string',
      fieldsV1: '7 *FieldsV1',
      subresource: '8 string',
    },
    Status: kind('', 'v1', 'Status', {
      metadata: '1 ListMeta',
      status: '2 string',
      message: '3 string',
      reason: '4 string',
      details: '5 *StatusDetails',
      code: '6 int32',
    }),
    StatusDetails: {
      name: '1 string',
      group: '2 string',
      kind: '3 string',
      uid: '6 string',
      causes: '4 []StatusCause atomic',
      retryAfterSeconds: '5 int32',
    },
    StatusCause: {
      reason: '1 string',
      message: '2 string',
      field: '3 string',
    },
    DeleteOptions: kind('', 'v1', 'DeleteOptions', {
      gracePeriodSeconds: '1 *int64',
      preconditions: '2 *Preconditions',
      orphanDependents: '3 *boolean',
      propagationPolicy: '4 *string',
      dryRun: '5 []string atomic',
      ignoreStoreReadErrorWithClusterBreakingPotential: '6 *boolean',
    }),
    Preconditions: {
      uid: '1 *string',
      resourceVersion: '2 *string',
    },
    Condition: {
      type: '1 string!',
      status: '2 string!',
      observedGeneration: '3 int64',
      lastTransitionTime: '4 Time!',
      reason: '5 string!',
      message: '6 string!',
    },
    WatchEvent: {
      type: '1 string!',
      object: '2 RawExtension!',
    },
    Patch: {},
  },
};
