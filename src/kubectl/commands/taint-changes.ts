// What kubectl taint does to one node's taints: refuses to replace a taint without --overwrite,
// puts the added taints first and keeps the others, removes by key and effect (or by key), and
// names the result `tainted`, `untainted` or `modified` by upstream's rule.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/taint/taint.go (updateTaints) and utils.go
// (reorganizeTaints).

import type { Taint } from '../../api/core';
import type { TaintChanges, TaintRemoval } from './taint-spec';

export type TaintOperation = 'tainted' | 'untainted' | 'modified';

/** Removals that matched no taint, reported together as upstream's aggregate error. */
export class TaintsNotFoundError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`);
  }
}

function sameKeyAndEffect(a: Pick<Taint, 'key' | 'effect'>, b: Pick<Taint, 'key' | 'effect'>): boolean {
  return a.key === b.key && a.effect === b.effect;
}

function removalText(removal: TaintRemoval): string {
  return removal.effect ? `${removal.key}:${removal.effect}` : removal.key;
}

/** The node's new taints and the word kubectl prints, or the error kubectl stops this node with. */
export function applyTaintChanges(nodeName: string, current: readonly Taint[], changes: TaintChanges, overwrite: boolean): { operation: TaintOperation; taints: Taint[] } {
  if (!overwrite) {
    const existing = changes.add.flatMap((taint) => current.filter((old) => sameKeyAndEffect(old, taint)).map(() => taint.key));
    if (existing.length > 0) throw new Error(`node ${nodeName} already has ${existing.join(',')} taint(s) with same effect(s) and --overwrite is false`);
  }
  let taints = [...changes.add];
  for (const old of current) if (!taints.some((taint) => sameKeyAndEffect(taint, old))) taints.push(old);
  const added = taints.length !== current.length;
  let removed = false;
  const missing: string[] = [];
  for (const removal of changes.remove) {
    const before = taints.length;
    taints = taints.filter((taint) => taint.key !== removal.key || (removal.effect !== '' && taint.effect !== removal.effect));
    removed = taints.length !== before;
    if (!removed) missing.push(`taint ${JSON.stringify(removalText(removal))} not found`);
  }
  if (missing.length > 0) throw new TaintsNotFoundError(missing);
  const operation = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints };
}
