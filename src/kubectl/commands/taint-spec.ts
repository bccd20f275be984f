// kubectl taint's arguments: which name nodes and which are taint changes, each change read as
// `key=value:Effect` or `key:Effect` (add) or `key:Effect-` or `key-` (remove), with upstream's
// messages for malformed, duplicated or contradictory changes.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/taint/taint.go (Complete, Validate) and utils.go.

import type { Taint } from '../../api/core';
import { checkLabelValue, checkQualifiedName } from '../../api/validation/names';
import { KubectlError, UsageError } from '../errors';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** A taint to take off: the one with this key and effect, or every taint of the key when `effect` is empty. */
export interface TaintRemoval {
  key: string;
  effect: string;
}

export interface TaintChanges {
  add: Taint[];
  remove: TaintRemoval[];
}

/** Splits the arguments into resources (`nodes NAME…`) and taint changes, which must come last. */
export function splitTaintArgs(args: readonly string[]): { resources: string[]; taintArgs: string[] } {
  const resources: string[] = [];
  const taintArgs: string[] = [];
  for (const arg of args) {
    const isTaint = arg.includes('=') || arg.includes(':') || arg.endsWith('-');
    if (isTaint) taintArgs.push(arg);
    else if (taintArgs.length > 0) throw new KubectlError(`error: all resources must be specified before taint changes: ${arg}`);
    else resources.push(arg);
  }
  return { resources, taintArgs };
}

function invalidSpec(spec: string, problems: string[] = []): UsageError {
  return new UsageError(`invalid taint spec: ${[spec, ...(problems.length > 0 ? [problems.join('; ')] : [])].join(', ')}`, 'taint');
}

/** One `key`, `key:Effect` or `key=value:Effect`, its effect empty in the first form. */
function parseTaint(spec: string): Taint {
  const parts = spec.split(':');
  if (parts.length > 2) throw invalidSpec(spec);
  let key = parts[0];
  let value = '';
  let effect = '';
  if (parts.length === 2) {
    effect = parts[1];
    if (!EFFECTS.includes(effect)) throw new UsageError(`invalid taint effect: ${effect}, unsupported taint effect`, 'taint');
    const keyValue = parts[0].split('=');
    if (keyValue.length > 2) throw invalidSpec(spec);
    key = keyValue[0];
    if (keyValue.length === 2) {
      value = keyValue[1];
      const problems = checkLabelValue(value);
      if (problems.length > 0) throw invalidSpec(spec, problems);
    }
  }
  const problems = checkQualifiedName(key);
  if (problems.length > 0) throw invalidSpec(spec, problems);
  return { key, ...(value ? { value } : {}), effect };
}

/** The taints to add and to remove; a malformed spec is a usage error. */
export function parseTaintChanges(specs: readonly string[]): TaintChanges {
  const changes: TaintChanges = { add: [], remove: [] };
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const { key, effect } = parseTaint(spec.slice(0, -1));
      changes.remove.push({ key, effect });
      continue;
    }
    const taint = parseTaint(spec);
    if (taint.effect === '') throw invalidSpec(spec);
    if (changes.add.some((t) => t.key === taint.key && t.effect === taint.effect)) {
      throw new UsageError(`duplicated taints with the same key and effect: {${taint.key} ${taint.value ?? ''} ${taint.effect} <nil>}`, 'taint');
    }
    changes.add.push(taint);
  }
  return changes;
}

/** Refuses a command that both adds and removes a taint of the same key (and effect). */
export function checkNoConflicts(changes: TaintChanges): void {
  const conflicts: string[] = [];
  for (const taint of changes.add) {
    for (const removal of changes.remove) {
      if (removal.key === taint.key && (removal.effect === '' || removal.effect === taint.effect)) conflicts.push(`${removal.key}=${removal.effect}`);
    }
  }
  if (conflicts.length > 0) throw new KubectlError(`error: can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
}
