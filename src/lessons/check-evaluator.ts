// Evaluates one check against the objects of its resource and namespace (as an informer holds
// them): a pure function from cluster state to pass/fail with a short explanation of what the
// cluster shows now. It never looks at what the learner typed.

import { matches, parseSelector } from '../api/labels';
import type { KubeObject } from '../api/meta';
import { findResource } from '../api/scheme';
import { describeCondition } from './check-spec';
import { parseJsonPath } from './jsonpath';
import type { Check, Condition } from './lesson-types';
import { podStatus, readinessOf } from './object-readiness';

export interface CheckOutcome {
  passed: boolean;
  /** What the cluster shows now, e.g. "pod/web: status is ContainerCreating". */
  detail: string;
}

/** Evaluates `check` against `objects`: every object of its resource in its namespace. */
export function evaluateCheck(check: Check, objects: readonly KubeObject[]): CheckOutcome {
  const type = findResource(check.group, 'v1', check.resource);
  const singular = type?.singularName ?? check.resource;
  if (check.name !== undefined) {
    const object = objects.find((o) => o.metadata.name === check.name);
    const label = `${singular}/${check.name}`;
    if (check.absent) return object ? { passed: false, detail: `${label} still exists` } : { passed: true, detail: `${label} is gone` };
    if (!object) return { passed: false, detail: `${label} not found` };
    const unmet = check.conditions.map((c) => unmetCondition(c, object, check)).find((why) => why !== undefined);
    return unmet ? { passed: false, detail: `${label}: ${unmet}` } : { passed: true, detail: `${label}: ${metDetail(check, object)}` };
  }

  const selector = parseSelector(check.selector ?? '');
  const selected = objects.filter((o) => matches(selector, o.metadata.labels));
  const meeting = selected.filter((o) => check.conditions.every((c) => unmetCondition(c, o, check) === undefined));
  const what = check.conditions.length > 0 ? `${meeting.length} of ${selected.length} ${check.resource} ${check.conditions.map(describeCondition).join(', ')}` : `${selected.length} ${check.resource}`;
  const detail = `${what} (selector ${check.selector || '<all>'})`;
  if (check.absent) return { passed: meeting.length === 0, detail };
  if (check.count !== undefined) return { passed: meeting.length === check.count, detail: `${detail}, want ${check.count}` };
  return { passed: meeting.length > 0, detail };
}

/** Why `object` fails `condition`, or undefined when it meets it. */
function unmetCondition(condition: Condition, object: KubeObject, check: Check): string | undefined {
  switch (condition.kind) {
    case 'ready': {
      const ready = readinessOf(check.group, check.resource)?.(object) ?? false;
      if (ready === condition.value) return undefined;
      const status = check.resource === 'pods' && check.group === '' ? ` (status ${podStatus(object) || '<none>'})` : '';
      return `${condition.value ? 'not ready yet' : 'ready'}${status}`;
    }
    case 'status': {
      const status = podStatus(object);
      return status === condition.value ? undefined : `status is ${status || '<none>'}`;
    }
    case 'jsonpath': {
      const value = parseJsonPath(condition.path).evaluate(object);
      if (condition.equals === undefined) return value === '' ? `${condition.path} is empty` : undefined;
      return value === condition.equals ? undefined : `${condition.path} is ${value === '' ? 'empty' : JSON.stringify(value)}`;
    }
  }
}

function metDetail(check: Check, object: KubeObject): string {
  if (check.conditions.length === 0) return 'exists';
  return check.conditions
    .map((c) => (c.kind === 'jsonpath' ? `${c.path} is ${JSON.stringify(parseJsonPath(c.path).evaluate(object))}` : describeCondition(c)))
    .join(', ');
}
