// Validation shared by the workloads that stamp out pods from a template (Deployments,
// ReplicaSets, Jobs): the selector is required, non-empty and valid, the template's labels
// match it, the template is a valid pod, and replicas are not negative. Upstream:
// pkg/apis/apps/validation/validation.go and pkg/apis/batch/validation/validation.go.

import type { LabelSelector, PodTemplateSpec } from '../../api/core';
import { fieldError, type FieldError } from '../../api/field-errors';
import { goLabelSelector, goStringMap } from '../../api/go-literal';
import { fromLabelSelector, matches } from '../../api/labels';
import { checkLabelValue, checkQualifiedName, validateAnnotations, validateLabels } from '../../api/validation/names';
import { validatePodSpec } from '../../api/validation/pod';

const OPERATORS = ['DoesNotExist', 'Exists', 'In', 'NotIn'];

export function validateLabelSelector(selector: LabelSelector, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    for (const problem of checkQualifiedName(key)) errs.push(fieldError.invalid(`${path}.matchLabels`, key, problem));
    for (const problem of checkLabelValue(value)) errs.push(fieldError.invalid(`${path}.matchLabels`, value, problem));
  }
  (selector.matchExpressions ?? []).forEach((expr, i) => {
    const at = `${path}.matchExpressions[${i}]`;
    if (!OPERATORS.includes(expr.operator)) errs.push(fieldError.invalid(`${at}.operator`, expr.operator, 'not a valid selector operator'));
    const values = expr.values ?? [];
    if ((expr.operator === 'In' || expr.operator === 'NotIn') && values.length === 0) errs.push(fieldError.required(`${at}.values`, 'must be specified when `operator` is \'In\' or \'NotIn\''));
    if ((expr.operator === 'Exists' || expr.operator === 'DoesNotExist') && values.length > 0) errs.push(fieldError.forbidden(`${at}.values`, 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''));
    for (const problem of checkQualifiedName(expr.key)) errs.push(fieldError.invalid(`${at}.key`, expr.key, problem));
  });
  return errs;
}

function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

/** Selector and template of a workload whose pods are `kind` (`deployment`, `replicaset`, `job`). */
export function validateSelectorAndTemplate(selector: LabelSelector | undefined, template: PodTemplateSpec | undefined, kind: string, restartPolicies: readonly string[]): FieldError[] {
  const errs: FieldError[] = [];
  if (!selector) errs.push(fieldError.required('spec.selector', ''));
  else {
    errs.push(...validateLabelSelector(selector, 'spec.selector'));
    if (isEmptySelector(selector)) errs.push(fieldError.invalid('spec.selector', goLabelSelector(selector), `empty selector is invalid for ${kind}`));
  }
  if (!template) {
    errs.push(fieldError.required('spec.template', ''));
    return errs;
  }
  const labels = template.metadata?.labels;
  // A missing selector selects nothing, so no template matches it; an empty one selects all.
  if (!selector || (!isEmptySelector(selector) && !matches(fromLabelSelector(selector), labels))) {
    errs.push(fieldError.invalid('spec.template.metadata.labels', goStringMap(labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validateLabels(labels, 'spec.template.metadata.labels'));
  errs.push(...validateAnnotations(template.metadata?.annotations, 'spec.template.metadata.annotations'));
  errs.push(...validatePodSpec(template.spec, 'spec.template.spec'));
  const policy = template.spec?.restartPolicy ?? '';
  if (!restartPolicies.includes(policy)) errs.push(fieldError.notSupported('spec.template.spec.restartPolicy', policy, restartPolicies));
  return errs;
}

export function nonNegative(value: number | undefined, path: string): FieldError[] {
  return value !== undefined && value < 0 ? [fieldError.invalid(path, value, 'must be greater than or equal to 0')] : [];
}

/** The selector of an apps/v1 workload may not change. */
export function immutableSelector(selector: LabelSelector | undefined, old: LabelSelector | undefined): FieldError[] {
  return JSON.stringify(selector ?? null) === JSON.stringify(old ?? null) ? [] : [fieldError.invalid('spec.selector', goLabelSelector(selector), 'field is immutable')];
}
