// Evaluates parsed JSONPath templates against JSON values as client-go does: each top-level
// action gives a group of results, `range` repeats its body for each result, missing keys give
// nothing (kubectl allows them), and results print as text (strings raw, the rest as compact
// JSON) joined by spaces, or as indented JSON arrays for jsonpath-as-json.
// Upstream: staging/src/k8s.io/client-go/util/jsonpath/jsonpath.go.

import { compactJson, printJson } from '../printers/json-printer';
import { JsonPathParseError, parseTemplate, type Operand, type Step, type TemplateNode } from './parser';

export class JsonPathError extends Error {}

type Block = { kind: 'text'; text: string } | { kind: 'path'; steps: Step[] } | { kind: 'range'; steps: Step[]; body: Block[] };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nest(nodes: TemplateNode[]): Block[] {
  let pos = 0;
  const level = (inRange: boolean): Block[] => {
    const blocks: Block[] = [];
    while (pos < nodes.length) {
      const node = nodes[pos++];
      if (node.kind === 'end') {
        if (!inRange) throw new JsonPathParseError('not in range, nothing to end');
        return blocks;
      }
      if (node.kind === 'range') blocks.push({ kind: 'range', steps: node.steps, body: level(true) });
      else blocks.push(node);
    }
    if (inRange) throw new JsonPathParseError('unclosed range');
    return blocks;
  };
  return level(false);
}

function children(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isObject(value)) return Object.keys(value).sort().map((k) => value[k]);
  return [];
}

function sliceOf(list: unknown[], step: Extract<Step, { kind: 'array' }>): unknown[] {
  const length = list.length;
  if (step.single && step.start !== undefined) {
    const index = step.start < 0 ? step.start + length : step.start;
    if (index < 0 || index >= length) throw new JsonPathError(`array index out of bounds: index ${step.start}, length ${length}`);
    return [list[index]];
  }
  let start = step.start ?? 0;
  let end = step.end ?? length;
  if (start < 0) start += length;
  if (end < 0) end += length;
  start = Math.max(0, Math.min(start, length));
  end = Math.max(0, Math.min(end, length));
  const stride = step.step ?? 1;
  const result: unknown[] = [];
  for (let i = start; i < end; i += stride > 0 ? stride : 1) result.push(list[i]);
  return result;
}

function compare(left: unknown, operator: string, right: unknown): boolean {
  if (typeof left === 'number' && typeof right === 'number') {
    switch (operator) {
      case '<':
        return left < right;
      case '>':
        return left > right;
      case '<=':
        return left <= right;
      case '>=':
        return left >= right;
    }
  }
  const equal = typeof left === typeof right ? left === right : String(left) === String(right);
  if (operator === '==') return equal;
  if (operator === '!=') return !equal;
  if (typeof left === 'string' && typeof right === 'string') {
    return operator === '<' ? left < right : operator === '>' ? left > right : operator === '<=' ? left <= right : left >= right;
  }
  return false;
}

function operandValues(operand: Operand, item: unknown): unknown[] {
  return operand.kind === 'literal' ? [operand.value] : walk([item], operand.steps);
}

function walkStep(input: unknown[], step: Step): unknown[] {
  const results: unknown[] = [];
  for (const value of input) {
    switch (step.kind) {
      case 'field':
        for (const name of step.names) {
          if (name === '') results.push(value);
          else if (isObject(value) && Object.prototype.hasOwnProperty.call(value, name) && value[name] !== undefined) results.push(value[name]);
        }
        break;
      case 'wildcard':
        results.push(...children(value));
        break;
      case 'recursive': {
        const visit = (v: unknown) => {
          const inner = children(v);
          if (inner.length === 0) return;
          results.push(v);
          inner.forEach(visit);
        };
        visit(value);
        break;
      }
      case 'array':
        if (Array.isArray(value)) results.push(...sliceOf(value, step));
        break;
      case 'union':
        for (const branch of step.branches) results.push(...walk([value], branch));
        break;
      case 'filter': {
        if (!Array.isArray(value)) throw new JsonPathError(`${compactJson(value)} is not array or slice and cannot be filtered`);
        for (const item of value) {
          const lefts = operandValues(step.left, item);
          if (step.operator === 'exists') {
            if (lefts.length > 0) results.push(item);
            continue;
          }
          const rights = step.right ? operandValues(step.right, item) : [];
          if (lefts.length > 0 && rights.length > 0 && compare(lefts[0], step.operator, rights[0])) results.push(item);
        }
        break;
      }
    }
  }
  return results;
}

function walk(input: unknown[], steps: Step[]): unknown[] {
  return steps.reduce((values, step) => walkStep(values, step), input);
}

function findGroups(blocks: Block[], data: unknown): unknown[][] {
  const groups: unknown[][] = [];
  for (const block of blocks) {
    if (block.kind === 'text') groups.push([block.text]);
    else if (block.kind === 'path') groups.push(walk([data], block.steps));
    else for (const item of walk([data], block.steps)) groups.push(...findGroups(block.body, item));
  }
  return groups;
}

/** Go's text for one result: strings as they are, scalars printed, the rest as compact JSON. */
function resultText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return compactJson(value);
  return String(value);
}

export interface CompiledJsonPath {
  /** The values each top-level action finds, in order. */
  findResults(data: unknown): unknown[][];
  /** Prints as `-o jsonpath` does (or `-o jsonpath-as-json` when `asJson`). */
  execute(data: unknown, asJson?: boolean): string;
}

export function compileJsonPath(template: string): CompiledJsonPath {
  const blocks = nest(parseTemplate(template));
  const findResults = (data: unknown) => findGroups(blocks, data);
  return {
    findResults,
    execute(data, asJson = false) {
      return findResults(data)
        .map((group) => (asJson ? printJson(group) : group.map(resultText).join(' ')))
        .join('');
    },
  };
}

/** `name`, `.name`, `{name}` or `{.name}` as the full `{.name}` kubectl's columns and sorting use. */
export function relaxedJsonPath(expression: string): string {
  if (expression === '') return expression;
  const match = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expression);
  if (!match) throw new JsonPathError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${match[1] ?? match[2]}}`;
}
