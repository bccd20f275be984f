// Reads one check as a lesson author writes it in YAML
// (`{ resource: pods, name: web, jsonpath: '{.status.phase}', equals: Running }`,
// `{ resource: pods, selector: app=web, count: 3, where: { ready: true } }`) into a Check,
// rejecting anything it would not be able to evaluate.

import { parseSelector } from '../api/labels';
import { RESOURCES, type ResourceType } from '../api/scheme';
import { parseJsonPath } from './jsonpath';
import type { Check, Condition } from './lesson-types';
import { readinessOf } from './object-readiness';

const KNOWN_FIELDS = new Set(['description', 'hint', 'resource', 'namespace', 'name', 'selector', 'exists', 'jsonpath', 'equals', 'count', 'where']);

/** Finds a resource by plural, singular or short name, optionally qualified by group (`deployments.apps`). */
export function resolveResource(text: string): ResourceType | undefined {
  const lower = text.toLowerCase();
  const dot = lower.indexOf('.');
  const name = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? undefined : lower.slice(dot + 1);
  return RESOURCES.find(
    (type) =>
      (group === undefined || type.group === group) &&
      type.verbs.includes('watch') &&
      (type.resource === name || type.singularName === name || type.shortNames.includes(name)),
  );
}

/** Parses a check; throws an Error naming the first problem. */
export function parseCheck(raw: unknown): Check {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('a check must be a mapping');
  const spec = raw as Record<string, unknown>;
  for (const key of Object.keys(spec)) if (!KNOWN_FIELDS.has(key)) throw new Error(`unknown field "${key}"`);

  const resourceName = optionalString(spec, 'resource');
  if (!resourceName) throw new Error('"resource" is required');
  const type = resolveResource(resourceName);
  if (!type) throw new Error(`unknown resource "${resourceName}"`);

  const name = optionalString(spec, 'name');
  const selector = optionalString(spec, 'selector');
  if (name && selector !== undefined) throw new Error('use "name" or "selector", not both');
  if (!name && selector === undefined) throw new Error('"name" or "selector" is required');
  if (selector !== undefined) parseSelector(selector);

  let namespace = optionalString(spec, 'namespace');
  if (type.namespaced) namespace ??= 'default';
  else if (namespace !== undefined) throw new Error(`${type.resource} are not namespaced`);

  const exists = spec.exists ?? true;
  if (typeof exists !== 'boolean') throw new Error('"exists" must be true or false');

  const count = spec.count;
  if (count !== undefined) {
    if (!Number.isInteger(count) || (count as number) < 0) throw new Error('"count" must be a whole number');
    if (name) throw new Error('"count" needs a "selector"');
    if (!exists) throw new Error('"count" cannot be combined with "exists: false"');
  }

  const conditions = parseConditions(spec, type);
  if (!exists && name && conditions.length > 0) throw new Error('a check for a missing object cannot have conditions');

  const check: Check = {
    description: '',
    group: type.group,
    resource: type.resource,
    ...(namespace !== undefined && { namespace }),
    ...(name && { name }),
    ...(selector !== undefined && { selector }),
    absent: !exists,
    ...(count !== undefined && { count: count as number }),
    conditions,
  };
  check.description = optionalString(spec, 'description') ?? describe(check, type);
  const hint = optionalString(spec, 'hint');
  if (hint) check.hint = hint;
  return check;
}

function parseConditions(spec: Record<string, unknown>, type: ResourceType): Condition[] {
  const conditions: Condition[] = [];
  const jsonpath = optionalString(spec, 'jsonpath');
  if (jsonpath !== undefined) conditions.push(jsonPathCondition(jsonpath, spec.equals));
  else if (spec.equals !== undefined) throw new Error('"equals" needs a "jsonpath"');

  const where = spec.where ?? {};
  if (typeof where !== 'object' || where === null || Array.isArray(where)) throw new Error('"where" must be a mapping');
  for (const [key, value] of Object.entries(where)) {
    if (key === 'ready') {
      if (typeof value !== 'boolean') throw new Error('"where.ready" must be true or false');
      if (!readinessOf(type.group, type.resource)) throw new Error(`"ready" is not defined for ${type.resource}`);
      conditions.push({ kind: 'ready', value });
    } else if (key === 'status') {
      if (type.resource !== 'pods' || type.group !== '') throw new Error('"where.status" is only defined for pods');
      conditions.push({ kind: 'status', value: scalarText(value, 'where.status') });
    } else if (key.startsWith('{')) {
      conditions.push(jsonPathCondition(key, value));
    } else {
      throw new Error(`unknown condition "where.${key}" (use ready, status or a {jsonpath})`);
    }
  }
  return conditions;
}

function jsonPathCondition(path: string, equals: unknown): Condition {
  parseJsonPath(path);
  return equals === undefined ? { kind: 'jsonpath', path } : { kind: 'jsonpath', path, equals: scalarText(equals, 'equals') };
}

function optionalString(spec: Record<string, unknown>, field: string): string | undefined {
  const value = spec[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new Error(`"${field}" must be a string`);
  return value;
}

function scalarText(value: unknown, field: string): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`"${field}" must be a string, number or boolean`);
}

/** Words for a condition: "ready", "status Running", "{.status.phase} = Running". */
export function describeCondition(condition: Condition): string {
  switch (condition.kind) {
    case 'ready':
      return condition.value ? 'ready' : 'not ready';
    case 'status':
      return `status ${condition.value}`;
    case 'jsonpath':
      return condition.equals === undefined ? `${condition.path} is set` : `${condition.path} = ${condition.equals}`;
  }
}

function describe(check: Check, type: ResourceType): string {
  const conditions = check.conditions.map(describeCondition).join(', ');
  if (check.name) {
    const object = `${type.singularName}/${check.name}`;
    if (check.absent) return `${object} is gone`;
    return conditions ? `${object}: ${conditions}` : `${object} exists`;
  }
  const matching = `${type.resource} matching "${check.selector}"${conditions ? ` (${conditions})` : ''}`;
  if (check.absent) return `no ${matching}`;
  return check.count === undefined ? `some ${matching}` : `${check.count} ${matching}`;
}
