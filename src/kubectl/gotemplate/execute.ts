// Runs Go templates over JSON values as kubectl's -o go-template does: fields of maps
// (`<no value>` when missing), variables, if / range / with, Go's truth rules, the builtin
// functions (and, or, not, len, index, print, printf, println, eq, ne, lt, le, gt, ge) and
// kubectl's additions (base64decode, exists). Upstream: Go's text/template/exec.go and
// staging/src/k8s.io/cli-runtime/pkg/printers/template.go.

import { KubectlError } from '../errors';
import { goSprint } from '../printers/go-values';
import { parseGoTemplate, TemplateParseError, type Arg, type Node, type Pipeline } from './parse';
import { sprintf } from './sprintf';

const NO_VALUE = Symbol('no value');

class TemplateExecError extends Error {}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function truthy(value: unknown): boolean {
  if (value === NO_VALUE || value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isMap(value)) return Object.keys(value).length > 0;
  return true;
}

function text(value: unknown): string {
  return value === NO_VALUE ? '<no value>' : goSprint(value);
}

function base64decode(value: unknown): string {
  const decoded = atob(String(value));
  return new TextDecoder().decode(Uint8Array.from(decoded, (c) => c.charCodeAt(0)));
}

function compare(name: string, a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b) throw new TemplateExecError(`error calling ${name}: incompatible types for comparison`);
  if (name === 'eq') return a === b;
  if (name === 'ne') return a !== b;
  const x = a as number | string;
  const y = b as number | string;
  return name === 'lt' ? x < y : name === 'le' ? x <= y : name === 'gt' ? x > y : x >= y;
}

const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
  not: (a) => !truthy(a),
  len: (a) => {
    if (typeof a === 'string' || Array.isArray(a)) return a.length;
    if (isMap(a)) return Object.keys(a).length;
    throw new TemplateExecError(`error calling len: len of type ${typeof a}`);
  },
  index: (item, ...keys) =>
    keys.reduce((value, key) => {
      if (Array.isArray(value)) return value[Number(key)];
      if (isMap(value)) return key !== null && String(key) in value ? value[String(key)] : null;
      throw new TemplateExecError(`error calling index: can't index item of type ${typeof value}`);
    }, item),
  print: (...args) => args.map((a, i) => (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string' ? ' ' : '') + text(a)).join(''),
  println: (...args) => `${args.map(text).join(' ')}\n`,
  printf: (format, ...args) => sprintf(String(format), args),
  eq: (a, ...rest) => rest.some((b) => compare('eq', a, b)),
  ne: (a, b) => compare('ne', a, b),
  lt: (a, b) => compare('lt', a, b),
  le: (a, b) => compare('le', a, b),
  gt: (a, b) => compare('gt', a, b),
  ge: (a, b) => compare('ge', a, b),
  base64decode,
};

class Executor {
  private out = '';
  private scopes: Map<string, unknown>[] = [];

  constructor(root: unknown) {
    this.scopes.push(new Map([['$', root]]));
  }

  run(nodes: Node[], dot: unknown): string {
    this.walk(nodes, dot);
    return this.out;
  }

  private lookup(name: string): unknown {
    for (let i = this.scopes.length - 1; i >= 0; i--) if (this.scopes[i].has(name)) return this.scopes[i].get(name);
    throw new TemplateExecError(`undefined variable: ${name}`);
  }

  private walk(nodes: Node[], dot: unknown): void {
    for (const node of nodes) {
      if (node.kind === 'text') this.out += node.text;
      else if (node.kind === 'action') {
        const value = this.pipeline(node.pipeline, dot);
        if (node.pipeline.declarations.length === 0) this.out += text(value);
      } else this.control(node, dot);
    }
  }

  private scoped(work: () => void): void {
    this.scopes.push(new Map());
    try {
      work();
    } finally {
      this.scopes.pop();
    }
  }

  private control(node: Extract<Node, { kind: 'if' | 'with' | 'range' }>, dot: unknown): void {
    this.scoped(() => {
      const value = this.pipeline(node.pipeline, dot, node.kind === 'range');
      if (node.kind === 'if') return this.walk(truthy(value) ? node.body : node.otherwise, dot);
      if (node.kind === 'with') return truthy(value) ? this.walk(node.body, value) : this.walk(node.otherwise, dot);
      const entries: [unknown, unknown][] = Array.isArray(value)
        ? value.map((v, i) => [i, v])
        : isMap(value)
          ? Object.keys(value)
              .sort()
              .map((k) => [k, value[k]])
          : typeof value === 'number'
            ? Array.from({ length: value }, (_, i) => [i, i])
            : [];
      if (value !== null && value !== undefined && value !== NO_VALUE && !Array.isArray(value) && !isMap(value) && typeof value !== 'number') throw new TemplateExecError(`range can't iterate over ${text(value)}`);
      if (entries.length === 0) return this.walk(node.otherwise, dot);
      const names = node.pipeline.declarations;
      for (const [key, item] of entries) {
        this.scoped(() => {
          const scope = this.scopes[this.scopes.length - 1];
          if (names.length === 1) scope.set(names[0], item);
          if (names.length === 2) {
            scope.set(names[0], key);
            scope.set(names[1], item);
          }
          this.walk(node.body, item);
        });
      }
    });
  }

  private pipeline(pipeline: Pipeline, dot: unknown, forRange = false): unknown {
    let value: unknown = NO_VALUE;
    let first = true;
    for (const command of pipeline.commands) {
      value = this.command(command.args, dot, first ? undefined : value);
      first = false;
    }
    if (pipeline.declarations.length > 0 && !forRange) {
      const name = pipeline.declarations[0];
      if (pipeline.assign) {
        const scope = [...this.scopes].reverse().find((s) => s.has(name));
        if (!scope) throw new TemplateExecError(`undefined variable: ${name}`);
        scope.set(name, value);
      } else this.scopes[this.scopes.length - 1].set(name, value);
    }
    return value;
  }

  private command(args: Arg[], dot: unknown, piped: unknown): unknown {
    const [head, ...rest] = args;
    if (head.kind === 'identifier') {
      const fn = FUNCTIONS[head.name];
      if (head.name === 'and' || head.name === 'or') return this.logic(head.name, rest, dot, piped);
      if (!fn) throw new TemplateExecError(`function "${head.name}" not defined`);
      const values = rest.map((a) => this.arg(a, dot));
      if (piped !== undefined) values.push(piped);
      return fn(...values);
    }
    if (rest.length > 0 && !(head.kind === 'pipeline' && rest[0].kind === 'identifier' && rest[0].name.startsWith('.'))) {
      throw new TemplateExecError(`can't give argument to non-function ${args.length}`);
    }
    if (head.kind === 'pipeline' && rest.length === 1 && rest[0].kind === 'identifier') {
      return this.fields(this.pipeline(head.pipeline, dot), rest[0].name.split('.').filter(Boolean));
    }
    return this.arg(head, dot);
  }

  private logic(name: 'and' | 'or', args: Arg[], dot: unknown, piped: unknown): unknown {
    const values = [...args.map((a) => () => this.arg(a, dot)), ...(piped !== undefined ? [() => piped] : [])];
    let last: unknown = null;
    for (const value of values) {
      last = value();
      if (name === 'and' ? !truthy(last) : truthy(last)) return last;
    }
    return last;
  }

  private fields(base: unknown, path: string[]): unknown {
    let value = base;
    for (const key of path) {
      if (value === NO_VALUE || value === null || value === undefined) throw new TemplateExecError(`nil pointer evaluating interface {}.${key}`);
      if (!isMap(value)) throw new TemplateExecError(`can't evaluate field ${key} in type ${Array.isArray(value) ? '[]interface {}' : typeof value}`);
      value = key in value ? value[key] : NO_VALUE;
    }
    return value;
  }

  private arg(arg: Arg, dot: unknown): unknown {
    switch (arg.kind) {
      case 'literal':
        return arg.value;
      case 'field':
        return this.fields(arg.base === 'dot' ? dot : this.lookup(arg.name as string), arg.path);
      case 'pipeline':
        return this.pipeline(arg.pipeline, dot);
      case 'identifier':
        if (FUNCTIONS[arg.name]) return FUNCTIONS[arg.name]();
        throw new TemplateExecError(`function "${arg.name}" not defined`);
    }
  }
}

/** Prints `value` through the template, or throws kubectl's error for a bad template. */
export function executeGoTemplate(template: string, value: unknown): string {
  let nodes: Node[];
  try {
    nodes = parseGoTemplate(template);
  } catch (error) {
    if (error instanceof TemplateParseError) throw new KubectlError(`error: error parsing template ${template}, template: output:1: ${error.message}`);
    throw error;
  }
  try {
    return new Executor(value).run(nodes, value);
  } catch (error) {
    if (error instanceof TemplateExecError) throw new KubectlError(`error: error executing template ${JSON.stringify(template)}: template: output:1: executing "output" at <>: ${error.message}`);
    throw error;
  }
}
