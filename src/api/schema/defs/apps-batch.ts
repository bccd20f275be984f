// apps/v1 (Deployment, ReplicaSet) and batch/v1 (Job) types. Upstream:
// staging/src/k8s.io/api/apps/v1/types.go and staging/src/k8s.io/api/batch/v1/types.go.

import { kind, type PackageSpec } from '../define';

export const APPS: PackageSpec = {
  prefix: 'io.k8s.api.apps.v1',
  structs: {
    Deployment: kind('apps', 'v1', 'Deployment', {
      metadata: '1 meta.ObjectMeta',
      spec: '2 DeploymentSpec',
      status: '3 DeploymentStatus',
    }),
    DeploymentSpec: {
      replicas: '1 *int32',
      selector: '2 *meta.LabelSelector',
      template: '3 core.PodTemplateSpec!',
      strategy: '4 DeploymentStrategy retainKeys',
      minReadySeconds: '5 int32',
      revisionHistoryLimit: '6 *int32',
      paused: '7 boolean',
      progressDeadlineSeconds: '9 *int32',
    },
    DeploymentStrategy: {
      type: '1 string',
      rollingUpdate: '2 *RollingUpdateDeployment',
    },
    RollingUpdateDeployment: {
      maxUnavailable: '1 *IntOrString',
      maxSurge: '2 *IntOrString',
    },
    DeploymentStatus: {
      observedGeneration: '1 int64',
      replicas: '2 int32',
      updatedReplicas: '3 int32',
      readyReplicas: '7 int32',
      availableReplicas: '4 int32',
      unavailableReplicas: '5 int32',
      terminatingReplicas: '9 *int32',
      conditions: '6 []DeploymentCondition merge=type map=type',
      collisionCount: '8 *int32',
    },
    DeploymentCondition: {
      type: '1 string!',
      status: '2 string!',
      lastUpdateTime: '6 Time',
      lastTransitionTime: '7 Time',
      reason: '4 string',
      message: '5 string',
    },
    ReplicaSet: kind('apps', 'v1', 'ReplicaSet', {
      metadata: '1 meta.ObjectMeta',
      spec: '2 ReplicaSetSpec',
      status: '3 ReplicaSetStatus',
    }),
    ReplicaSetSpec: {
      replicas: '1 *int32',
      minReadySeconds: '4 int32',
      selector: '2 *meta.LabelSelector',
      template: '3 core.PodTemplateSpec',
    },
    ReplicaSetStatus: {
      replicas: '1 int32!',
      fullyLabeledReplicas: '2 int32',
      readyReplicas: '4 int32',
      availableReplicas: '5 int32',
      terminatingReplicas: '7 *int32',
      observedGeneration: '3 int64',
      conditions: '6 []ReplicaSetCondition merge=type map=type',
    },
    ReplicaSetCondition: {
      type: '1 string!',
      status: '2 string!',
      lastTransitionTime: '3 Time',
      reason: '4 string',
      message: '5 string',
    },
  },
};

export const BATCH: PackageSpec = {
  prefix: 'io.k8s.api.batch.v1',
  structs: {
    Job: kind('batch', 'v1', 'Job', {
      metadata: '1 meta.ObjectMeta',
      spec: '2 JobSpec',
      status: '3 JobStatus',
    }),
    JobSpec: {
      parallelism: '1 *int32',
      completions: '2 *int32',
      activeDeadlineSeconds: '3 *int64',
      podFailurePolicy: '11 *PodFailurePolicy',
      successPolicy: '16 *SuccessPolicy',
      backoffLimit: '7 *int32',
      backoffLimitPerIndex: '12 *int32',
      maxFailedIndexes: '13 *int32',
      selector: '4 *meta.LabelSelector',
      manualSelector: '5 *boolean',
      template: '6 core.PodTemplateSpec!',
      ttlSecondsAfterFinished: '8 *int32',
      completionMode: '9 *string',
      suspend: '10 *boolean',
      podReplacementPolicy: '14 *string',
      managedBy: '15 *string',
    },
    PodFailurePolicy: {
      rules: '1 []PodFailurePolicyRule! atomic',
    },
    PodFailurePolicyRule: {
      action: '1 string!',
      onExitCodes: '2 *PodFailurePolicyOnExitCodesRequirement',
      onPodConditions: '3 []PodFailurePolicyOnPodConditionsPattern atomic',
    },
    PodFailurePolicyOnExitCodesRequirement: {
      containerName: '1 *string',
      operator: '2 string!',
      values: '3 []int32! set',
    },
    PodFailurePolicyOnPodConditionsPattern: {
      type: '1 string!',
      status: '2 string!',
    },
    SuccessPolicy: {
      rules: '1 []SuccessPolicyRule! atomic',
    },
    SuccessPolicyRule: {
      succeededIndexes: '1 *string',
      succeededCount: '2 *int32',
    },
    JobStatus: {
      conditions: '1 []JobCondition merge=type atomic',
      startTime: '2 *Time',
      completionTime: '3 *Time',
      active: '4 int32',
      succeeded: '5 int32',
      failed: '6 int32',
      terminating: '11 *int32',
      completedIndexes: '7 string',
      failedIndexes: '10 *string',
      uncountedTerminatedPods: '8 *UncountedTerminatedPods',
      ready: '9 *int32',
    },
    JobCondition: {
      type: '1 string!',
      status: '2 string!',
      lastProbeTime: '3 Time',
      lastTransitionTime: '4 Time',
      reason: '5 string',
      message: '6 string',
    },
    UncountedTerminatedPods: {
      succeeded: '1 []string set',
      failed: '2 []string set',
    },
  },
};
