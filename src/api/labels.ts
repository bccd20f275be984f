// Label selectors: the string form (`app=web,tier in (a,b),!legacy`) parsed as apimachinery's
// labels.Parse does, the structured LabelSelector form, and matching against a label map.
// Upstream: staging/src/k8s.io/apimachinery/pkg/labels/selector.go.

import type { LabelSelector } from './core';

export type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

export type Selector = readonly Requirement[];

export class SelectorParseError extends Error {}

const KEY_CHARS = /[A-Za-z0-9._/-]/;
const VALUE_CHARS = /[A-Za-z0-9._-]/;

/** Parses a selector string; an empty string selects everything. */
export function parseSelector(text: string): Selector {
  const requirements: Requirement[] = [];
  let pos = 0;
  const skipSpace = () => {
    while (pos < text.length && text[pos] === ' ') pos++;
  };
  const readWhile = (chars: RegExp) => {
    const start = pos;
    while (pos < text.length && chars.test(text[pos])) pos++;
    return text.slice(start, pos);
  };
  skipSpace();
  if (pos >= text.length) return requirements;
  for (;;) {
    skipSpace();
    let negated = false;
    if (text[pos] === '!') {
      negated = true;
      pos++;
      skipSpace();
    }
    const key = readWhile(KEY_CHARS);
    if (!key) throw new SelectorParseError(`unable to parse requirement: found '${text[pos] ?? ''}', expected: identifier`);
    validateKey(key);
    skipSpace();
    if (negated) {
      requirements.push({ key, operator: '!', values: [] });
    } else if (pos >= text.length || text[pos] === ',') {
      requirements.push({ key, operator: 'exists', values: [] });
    } else if (text.startsWith('!=', pos)) {
      pos += 2;
      skipSpace();
      requirements.push({ key, operator: '!=', values: [validateValue(readWhile(VALUE_CHARS))] });
    } else if (text.startsWith('==', pos)) {
      pos += 2;
      skipSpace();
      requirements.push({ key, operator: '==', values: [validateValue(readWhile(VALUE_CHARS))] });
    } else if (text[pos] === '=') {
      pos += 1;
      skipSpace();
      requirements.push({ key, operator: '=', values: [validateValue(readWhile(VALUE_CHARS))] });
    } else if (text[pos] === '>' || text[pos] === '<') {
      const operator = text[pos] === '>' ? 'gt' : 'lt';
      pos += 1;
      skipSpace();
      const value = readWhile(VALUE_CHARS);
      if (!/^-?\d+$/.test(value)) throw new SelectorParseError(`unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer`);
      requirements.push({ key, operator, values: [value] });
    } else {
      const word = readWhile(/[a-z]/);
      if (word !== 'in' && word !== 'notin') {
        throw new SelectorParseError(`unable to parse requirement: found '${word || text[pos]}', expected: in, notin, =, ==, !=, gt, lt`);
      }
      skipSpace();
      if (text[pos] !== '(') throw new SelectorParseError(`unable to parse requirement: found '${text[pos] ?? ''}', expected: '('`);
      pos++;
      const values: string[] = [];
      for (;;) {
        skipSpace();
        values.push(validateValue(readWhile(VALUE_CHARS)));
        skipSpace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ')') {
          pos++;
          break;
        }
        throw new SelectorParseError(`unable to parse requirement: found '${text[pos] ?? ''}', expected: ',', ')' or identifier`);
      }
      requirements.push({ key, operator: word, values });
    }
    skipSpace();
    if (pos >= text.length) break;
    if (text[pos] !== ',') throw new SelectorParseError(`unable to parse requirement: found '${text[pos]}', expected: ',' or 'end of string'`);
    pos++;
  }
  return requirements;
}

function validateKey(key: string): void {
  const slash = key.lastIndexOf('/');
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (!/^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(name) || name.length > 63) {
    throw new SelectorParseError(
      `unable to parse requirement: values[0][${key}]: Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    );
  }
}

function validateValue(value: string): string {
  if (value !== '' && (!/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value) || value.length > 63)) {
    throw new SelectorParseError(`unable to parse requirement: invalid label value: "${value}"`);
  }
  return value;
}

const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({});

export function matches(selector: Selector, labels: Readonly<Record<string, string>> | undefined): boolean {
  const set = labels ?? NO_LABELS;
  for (const req of selector) if (!matchesRequirement(req, set)) return false;
  return true;
}

function matchesRequirement(req: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = has ? labels[req.key] : undefined;
  switch (req.operator) {
    case '=':
    case '==':
    case 'in':
      return has && req.values.includes(value as string);
    case '!=':
    case 'notin':
      return !has || !req.values.includes(value as string);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
      return has && /^-?\d+$/.test(value as string) && Number(value) > Number(req.values[0]);
    case 'lt':
      return has && /^-?\d+$/.test(value as string) && Number(value) < Number(req.values[0]);
  }
}

/** The structured selector of a workload or service, as a Selector. */
export function fromLabelSelector(selector: LabelSelector | undefined): Selector {
  if (!selector) return [];
  const requirements: Requirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) requirements.push({ key, operator: '=', values: [value] });
  for (const expr of selector.matchExpressions ?? []) {
    const operator = ({ In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' } as const)[expr.operator as 'In'];
    if (operator) requirements.push({ key: expr.key, operator, values: expr.values ?? [] });
  }
  return requirements;
}

/** A map selector (a Service's `spec.selector`): every pair must match. */
export function fromMap(map: Readonly<Record<string, string>> | undefined): Selector {
  return Object.entries(map ?? {}).map(([key, value]) => ({ key, operator: '=', values: [value] }));
}

/** The canonical string form (sorted by key), as `metav1.FormatLabelSelector` prints it. */
export function formatSelector(selector: Selector): string {
  if (selector.length === 0) return '<none>';
  return [...selector]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((req) => {
      switch (req.operator) {
        case '=':
        case '==':
          return `${req.key}=${req.values[0]}`;
        case '!=':
          return `${req.key}!=${req.values[0]}`;
        case 'in':
        case 'notin':
          return `${req.key} ${req.operator} (${[...req.values].sort().join(',')})`;
        case 'exists':
          return req.key;
        case '!':
          return `!${req.key}`;
        case 'gt':
          return `${req.key}>${req.values[0]}`;
        case 'lt':
          return `${req.key}<${req.values[0]}`;
      }
    })
    .join(',');
}
