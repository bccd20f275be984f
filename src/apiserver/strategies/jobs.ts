// The Job strategy: defaults (parallelism and completions 1, backoffLimit 6, completionMode
// NonIndexed, suspend false, podReplacementPolicy), the generated selector on the
// batch.kubernetes.io/controller-uid label with the job-name and controller-uid labels stamped
// on the pod template (unless manualSelector), validation (restartPolicy OnFailure or Never) and
// the fields an update may not change. Upstream: pkg/apis/batch/v1/defaults.go,
// pkg/registry/batch/job/strategy.go and pkg/apis/batch/validation/validation.go.

import type { Job } from '../../api/apps';
import { defaultPodSpec } from '../../api/defaults/pod';
import { fieldError, type FieldError } from '../../api/field-errors';
import { goLabelSelector } from '../../api/go-literal';
import { findResource } from '../../api/scheme';
import type { Strategy } from '../registry/strategy';
import { jobTable } from '../tables/workloads';
import { podTemplateUpdateWarnings, podTemplateWarnings } from '../warnings/pod-spec-warnings';
import { nonNegative, validateSelectorAndTemplate } from './workload-validation';

export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
const LEGACY_JOB_NAME_LABEL = 'job-name';

function defaultJob(job: Job): void {
  const spec = (job.spec ??= {} as Job['spec']);
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
  const templateLabels = spec.template?.metadata?.labels;
  if (templateLabels && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...templateLabels };
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  if (spec.template?.spec) defaultPodSpec(spec.template.spec);
}

/** Labels the template with the job's name and uid and selects on the uid. */
function generateSelector(job: Job): void {
  const template = (job.spec.template ??= { spec: { containers: [] } });
  const labels = ((template.metadata ??= {}).labels ??= {});
  const name = job.metadata.name ?? '';
  const uid = job.metadata.uid ?? '';
  for (const key of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) labels[key] ??= name;
  for (const key of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) labels[key] ??= uid;
  const selector = (job.spec.selector ??= {});
  (selector.matchLabels ??= {})[CONTROLLER_UID_LABEL] ??= uid;
}

function validateJobSpec(job: Job): FieldError[] {
  const spec = job.spec;
  const errs = [
    ...nonNegative(spec.parallelism, 'spec.parallelism'),
    ...nonNegative(spec.completions, 'spec.completions'),
    ...nonNegative(spec.activeDeadlineSeconds, 'spec.activeDeadlineSeconds'),
    ...nonNegative(spec.backoffLimit, 'spec.backoffLimit'),
    ...nonNegative(spec.ttlSecondsAfterFinished, 'spec.ttlSecondsAfterFinished'),
    ...validateSelectorAndTemplate(spec.selector, spec.template, 'job', ['OnFailure', 'Never']),
  ];
  if (spec.manualSelector !== true && spec.selector) {
    const keys = Object.keys(spec.selector.matchLabels ?? {});
    if (keys.some((k) => k !== CONTROLLER_UID_LABEL) || (spec.selector.matchExpressions ?? []).length > 0) {
      errs.push(fieldError.invalid('spec.selector', goLabelSelector(spec.selector), '`selector` not auto-generated'));
    }
  }
  if (spec.completionMode !== 'NonIndexed' && spec.completionMode !== 'Indexed') {
    errs.push(fieldError.notSupported('spec.completionMode', spec.completionMode ?? '', ['NonIndexed', 'Indexed']));
  }
  if (spec.completionMode === 'Indexed' && spec.completions === undefined) errs.push(fieldError.required('spec.completions', 'when completion mode is Indexed'));
  if (spec.podReplacementPolicy !== undefined && spec.podReplacementPolicy !== 'TerminatingOrFailed' && spec.podReplacementPolicy !== 'Failed') {
    errs.push(fieldError.notSupported('spec.podReplacementPolicy', spec.podReplacementPolicy, ['Failed', 'TerminatingOrFailed']));
  }
  return errs;
}

const IMMUTABLE = ['completions', 'selector', 'completionMode', 'podFailurePolicy', 'backoffLimitPerIndex', 'managedBy'] as const;

function validateJobUpdate(job: Job, old: Job): FieldError[] {
  const errs = validateJobSpec(job);
  const now = job.spec as Record<string, unknown>;
  const was = old.spec as Record<string, unknown>;
  for (const field of IMMUTABLE) {
    if (JSON.stringify(now[field] ?? null) === JSON.stringify(was[field] ?? null)) continue;
    const value = field === 'selector' ? goLabelSelector(job.spec.selector) : (now[field] ?? null);
    errs.push(fieldError.invalid(`spec.${field}`, value, 'field is immutable'));
  }
  const suspendedBefore = old.spec.suspend === true;
  if (!suspendedBefore && JSON.stringify(job.spec.template) !== JSON.stringify(old.spec.template)) {
    errs.push(fieldError.invalid('spec.template', JSON.stringify(job.spec.template), 'field is immutable'));
  }
  return errs;
}

export const jobStrategy: Strategy<Job> = {
  type: findResource('batch', 'v1', 'jobs')!,
  hasStatus: true,
  tracksGeneration: true,
  defaults: defaultJob,
  prepareForCreate(job) {
    if (job.spec.manualSelector !== true) generateSelector(job);
    if (Object.keys(job.metadata.labels ?? {}).length === 0 && job.spec.template?.metadata?.labels) job.metadata.labels = { ...job.spec.template.metadata.labels };
    job.status = {};
  },
  validate: validateJobSpec,
  validateUpdate: validateJobUpdate,
  warningsOnCreate: podTemplateWarnings,
  warningsOnUpdate: podTemplateUpdateWarnings,
  selectableFields(job) {
    return { 'status.successful': String(job.status?.succeeded ?? 0) };
  },
  table: jobTable,
};
