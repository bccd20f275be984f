// Strategies for Deployments and ReplicaSets: defaults (replicas 1; for Deployments the
// RollingUpdate 25%/25% strategy, revisionHistoryLimit 10, progressDeadlineSeconds 600; pod
// template defaults), validation, an immutable selector, status only through the status
// subresource, and generation tracking. Upstream: pkg/apis/apps/v1/defaults.go,
// pkg/registry/apps/deployment/strategy.go, pkg/registry/apps/replicaset/strategy.go and
// pkg/apis/apps/validation/validation.go.

import type { Deployment, ReplicaSet } from '../../api/apps';
import { defaultPodSpec } from '../../api/defaults/pod';
import { fieldError, type FieldError } from '../../api/field-errors';
import { goIntOrString } from '../../api/go-literal';
import { findResource } from '../../api/scheme';
import type { Strategy } from '../registry/strategy';
import { deploymentTable, replicaSetTable } from '../tables/workloads';
import { podTemplateUpdateWarnings, podTemplateWarnings } from '../warnings/pod-spec-warnings';
import { immutableSelector, nonNegative, validateSelectorAndTemplate } from './workload-validation';

const PERCENT = /^[0-9]+%$/;

function validateIntOrPercent(value: number | string | undefined, path: string): FieldError[] {
  if (value === undefined) return [];
  if (typeof value === 'number') return nonNegative(value, path);
  if (!PERCENT.test(value)) {
    return [fieldError.invalid(path, value, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
  }
  return [];
}

function isZero(value: number | string | undefined): boolean {
  return value === 0 || value === '0%';
}

function validateDeploymentSpec(deployment: Deployment): FieldError[] {
  const spec = deployment.spec;
  const errs = [...nonNegative(spec.replicas, 'spec.replicas'), ...validateSelectorAndTemplate(spec.selector, spec.template, 'deployment', ['Always'])];
  const strategy = spec.strategy ?? {};
  if (strategy.type !== 'Recreate' && strategy.type !== 'RollingUpdate') errs.push(fieldError.notSupported('spec.strategy.type', strategy.type ?? '', ['Recreate', 'RollingUpdate']));
  if (strategy.type === 'Recreate' && strategy.rollingUpdate) errs.push(fieldError.forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
  if (strategy.type === 'RollingUpdate') {
    const rolling = strategy.rollingUpdate ?? {};
    errs.push(...validateIntOrPercent(rolling.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable'));
    errs.push(...validateIntOrPercent(rolling.maxSurge, 'spec.strategy.rollingUpdate.maxSurge'));
    if (typeof rolling.maxUnavailable === 'string' && PERCENT.test(rolling.maxUnavailable) && Number.parseInt(rolling.maxUnavailable, 10) > 100) {
      errs.push(fieldError.invalid('spec.strategy.rollingUpdate.maxUnavailable', rolling.maxUnavailable, 'must not be greater than 100%'));
    }
    if (isZero(rolling.maxUnavailable) && isZero(rolling.maxSurge)) {
      errs.push(fieldError.invalid('spec.strategy.rollingUpdate.maxUnavailable', goIntOrString(rolling.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
    }
  }
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (spec.progressDeadlineSeconds !== undefined) {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(fieldError.invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

export const deploymentStrategy: Strategy<Deployment> = {
  type: findResource('apps', 'v1', 'deployments')!,
  hasStatus: true,
  tracksGeneration: true,
  defaults(deployment) {
    const spec = (deployment.spec ??= {} as Deployment['spec']);
    spec.replicas ??= 1;
    const strategy = (spec.strategy ??= {});
    strategy.type ||= 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') {
      const rolling = (strategy.rollingUpdate ??= {});
      rolling.maxUnavailable ??= '25%';
      rolling.maxSurge ??= '25%';
    }
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
    if (spec.template?.spec) defaultPodSpec(spec.template.spec);
  },
  prepareForCreate(deployment) {
    deployment.status = {};
  },
  prepareForStatusUpdate(deployment, old) {
    deployment.metadata.labels = old.metadata.labels;
    if (!old.metadata.labels) delete deployment.metadata.labels;
  },
  bumpsGeneration(deployment, old) {
    return JSON.stringify(deployment.metadata.annotations ?? {}) !== JSON.stringify(old.metadata.annotations ?? {});
  },
  validate: validateDeploymentSpec,
  validateUpdate(deployment, old) {
    return [...validateDeploymentSpec(deployment), ...immutableSelector(deployment.spec.selector, old.spec.selector)];
  },
  warningsOnCreate: podTemplateWarnings,
  warningsOnUpdate: podTemplateUpdateWarnings,
  table: deploymentTable,
};

function validateReplicaSetSpec(replicaSet: ReplicaSet): FieldError[] {
  const spec = replicaSet.spec;
  return [
    ...nonNegative(spec.replicas, 'spec.replicas'),
    ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    ...validateSelectorAndTemplate(spec.selector, spec.template, 'deployment', ['Always']),
  ];
}

export const replicaSetStrategy: Strategy<ReplicaSet> = {
  type: findResource('apps', 'v1', 'replicasets')!,
  hasStatus: true,
  tracksGeneration: true,
  defaults(replicaSet) {
    const spec = (replicaSet.spec ??= {} as ReplicaSet['spec']);
    spec.replicas ??= 1;
    if (spec.template?.spec) defaultPodSpec(spec.template.spec);
  },
  prepareForCreate(replicaSet) {
    replicaSet.status = { replicas: 0 };
  },
  validate: validateReplicaSetSpec,
  validateUpdate(replicaSet, old) {
    return [...validateReplicaSetSpec(replicaSet), ...immutableSelector(replicaSet.spec.selector, old.spec.selector)];
  },
  warningsOnCreate: podTemplateWarnings,
  warningsOnUpdate: podTemplateUpdateWarnings,
  table: replicaSetTable,
};
