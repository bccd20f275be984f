// kubectl label and annotate: set (`key=value`, with --overwrite to change) or remove (`key-`)
// labels or annotations with a JSON merge patch, printing `labeled`, `unlabeled`,
// `not labeled` or `annotated` per object; --list prints the current ones.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/label/label.go and annotate/annotate.go.

import type { KubeObject } from '../../api/meta';
import { checkLabelValue } from '../../api/validation/names';
import { resourcePath } from '../../api/scheme';
import type { Command } from '../command';
import type { KubectlContext } from '../context';
import { KubectlError, reportErrors, UsageError } from '../errors';
import { flagArray, flagBool, flagString, type ParsedFlags } from '../flags';
import { changeFormatOf } from '../printers/change-output';
import { printObjects } from '../printers/output';
import { kindName } from '../resource-mapper';
import { findTargets } from '../targets';

type Field = 'labels' | 'annotations';

interface Changes {
  set: Record<string, string>;
  remove: string[];
}

/** A `key=value` or `key-` argument, as upstream tells them from resources (`=v` and `-` are resources). */
function isPair(arg: string): boolean {
  return (arg.includes('=') && !arg.startsWith('=')) || (arg.endsWith('-') && arg !== '-');
}

/** A label's `key=value`: exactly one `=`, and a valid label value (the key is the server's to check). */
function labelPair(arg: string): [string, string] {
  const parts = arg.split('=');
  if (parts.length !== 2) throw new KubectlError(`error: invalid label spec: ${arg}`);
  const problems = checkLabelValue(parts[1]);
  if (problems.length > 0) throw new KubectlError(`error: invalid label value: ${JSON.stringify(arg)}: ${problems.join(';')}`);
  return [parts[0], parts[1]];
}

function splitArgs(args: string[], noun: string): { resources: string[]; changes: Changes } {
  const resources: string[] = [];
  const changes: Changes = { set: {}, remove: [] };
  let pairsStarted = false;
  for (const arg of args) {
    if (isPair(arg)) {
      pairsStarted = true;
      if (arg.includes('=')) {
        const [key, value] = noun === 'label' ? labelPair(arg) : [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)];
        changes.set[key] = value;
      } else changes.remove.push(arg.slice(0, -1));
      continue;
    }
    if (pairsStarted) throw new KubectlError(`error: all resources must be specified before ${noun} changes: ${arg}`);
    resources.push(arg);
  }
  return { resources, changes };
}

function jsonSize(value: unknown): number {
  return JSON.stringify(value).length;
}

async function updateOne(ctx: KubectlContext, flags: ParsedFlags, field: Field, object: KubeObject, changes: Changes): Promise<{ message: string; object: KubeObject }> {
  const overwrite = flagBool(flags, 'overwrite');
  const current = { ...(object.metadata[field] ?? {}) };
  for (const [key, value] of Object.entries(changes.set)) {
    if (!overwrite && key in current && current[key] !== value) throw new KubectlError(`error: '${key}' already has a value (${current[key]}), and --overwrite is false`);
  }
  const next: Record<string, string> = { ...current, ...changes.set };
  const notes: string[] = [];
  for (const key of changes.remove) {
    if (key in next) delete next[key];
    else if (field === 'labels') notes.push(`label "${key}" not found.\n`);
  }
  const before = { ...object.metadata, [field]: current };
  const after = { ...object.metadata, [field]: next };
  let message: string;
  if (field === 'annotations') message = 'annotated';
  else if (JSON.stringify(before) === JSON.stringify(after)) message = 'not labeled';
  else message = !overwrite && jsonSize(after) < jsonSize(before) ? 'unlabeled' : 'labeled';
  const patch: Record<string, string | null> = {};
  for (const key of Object.keys(current)) if (!(key in next)) patch[key] = null;
  for (const [key, value] of Object.entries(next)) if (current[key] !== value) patch[key] = value;
  const dryRun = flagString(flags, 'dry-run');
  let result = { ...object, metadata: { ...object.metadata, [field]: next } };
  if (dryRun !== 'client' && dryRun !== 'true') {
    const query: Record<string, string> = { fieldManager: field === 'labels' ? 'kubectl-label' : 'kubectl-annotate' };
    if (dryRun === 'server') query.dryRun = 'All';
    result = await ctx.client.send<KubeObject>({
      method: 'PATCH',
      path: resourcePath((await ctx.mapper.forKind(object.apiVersion, object.kind))!, object.metadata.namespace, object.metadata.name),
      query,
      body: { metadata: { [field]: patch } },
      headers: { 'content-type': 'application/merge-patch+json' },
    });
  }
  return { message: `${notes.join('')}${message}`, object: result };
}

function metadataCommand(field: Field, name: 'label' | 'annotate', noun: string): Command {
  return {
    name,
    summary: `Update the ${field} on a resource`,
    usage: `kubectl ${name} [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]`,
    flags: [
      { name: 'overwrite', type: 'bool', default: false },
      { name: 'list', type: 'bool', default: false },
      { name: 'all', type: 'bool', default: false },
      { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
      { name: 'selector', short: 'l', type: 'string', default: '' },
      { name: 'field-selector', type: 'string', default: '' },
      { name: 'filename', short: 'f', type: 'stringSlice', default: [] },
      { name: 'recursive', short: 'R', type: 'bool', default: false },
      { name: 'output', short: 'o', type: 'string', default: '' },
      { name: 'dry-run', type: 'string', default: 'none' },
      { name: 'local', type: 'bool', default: false },
      { name: 'resource-version', type: 'string', default: '' },
      { name: 'field-manager', type: 'string', default: '' },
    ],
    async run(flags, ctx) {
      const { resources, changes } = splitArgs(flags.args, noun);
      const list = flagBool(flags, 'list');
      if (!list && Object.keys(changes.set).length === 0 && changes.remove.length === 0) throw new KubectlError(`error: at least one ${noun} update is required`);
      const removedAndSet = changes.remove.find((key) => key in changes.set);
      if (removedAndSet) throw new KubectlError(`error: can not both modify and remove ${field === 'labels' ? 'a label' : 'an annotation'} in the same command`);
      if (resources.length === 0 && flagArray(flags, 'filename').length === 0) throw new UsageError('one or more resources must be specified as <resource> <name> or <resource>/<name>', name);
      // annotate makes its printer before it changes anything; label makes it after each change.
      if (name === 'annotate') changeFormatOf(flags);
      const errors: unknown[] = [];
      const targets = await findTargets(ctx, flags, resources, errors, { all: true });
      for (const target of targets) {
        if (list) {
          const values = target.object.metadata[field] ?? {};
          ctx.stdout(Object.keys(values).sort().map((k) => `${k}=${values[k]}\n`).join(''));
          continue;
        }
        try {
          const { message, object } = await updateOne(ctx, flags, field, target.object, changes);
          const format = changeFormatOf(flags);
          if (format && format.kind !== 'name') ctx.stdout(await printObjects(format, [object], { single: true }));
          else if (format) ctx.stdout(`${kindName(target.type)}/${target.name}\n`);
          else {
            const cut = message.lastIndexOf('\n') + 1;
            ctx.stdout(`${message.slice(0, cut)}${kindName(target.type)}/${target.name} ${message.slice(cut)}\n`);
          }
        } catch (error) {
          errors.push(error);
        }
      }
      return reportErrors(ctx, errors);
    },
  };
}

export const labelCommand = metadataCommand('labels', 'label', 'label');
export const annotateCommand = metadataCommand('annotations', 'annotate', 'annotation');
