// kubectl patch: sends a strategic merge (default), JSON merge or JSON patch, given inline as
// JSON or YAML (-p) or in a file, to each object or its subresource; prints `patched`, or
// `patched (no change)` when the object stayed the same.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go.

import { parseDocument } from 'yaml';
import { goQuote } from '../../api/field-errors';
import { KUBECTL_YAML } from '../../api/go-yaml';
import type { KubeObject } from '../../api/meta';
import { resourcePath } from '../../api/scheme';
import { jsonEqual } from '../../api/objects';
import type { Command } from '../command';
import { describeError, KubectlError } from '../errors';
import { flagString } from '../flags';
import { changeOutputFormat } from '../printers/change-output';
import { printObjects } from '../printers/output';
import { kindName } from '../resource-mapper';
import { goYamlError } from '../manifests/go-yaml-errors';
import { findTargets } from '../targets';

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

/**
 * The patch to send: text that starts as a JSON object goes as it is (the server judges it), any
 * other is read as YAML, as kubectl's yaml.ToJSON does. Its error quotes the -p text, which is
 * empty when the patch came from --patch-file, as upstream's does.
 */
function parsePatch(text: string, flagText: string): unknown {
  if (text.trimStart().startsWith('{')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  const document = parseDocument(text, KUBECTL_YAML);
  if (document.errors.length > 0) throw new KubectlError(`error: unable to parse ${goQuote(flagText)}: ${goYamlError(text, document.errors[0])}`);
  return document.toJSON() as unknown;
}

export const patchCommand: Command = {
  name: 'patch',
  summary: 'Update fields of a resource',
  usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]',
  flags: [
    { name: 'patch', short: 'p', type: 'string', default: '' },
    { name: 'patch-file', type: 'string', default: '' },
    { name: 'type', type: 'string', default: 'strategic' },
    { name: 'subresource', type: 'string', default: '' },
    { name: 'filename', short: 'f', type: 'stringSlice', default: [] },
    { name: 'recursive', short: 'R', type: 'bool', default: false },
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'dry-run', type: 'string', default: 'none' },
    { name: 'local', type: 'bool', default: false },
    { name: 'field-manager', type: 'string', default: 'kubectl-patch' },
  ],
  async run(flags, ctx) {
    const patchType = flagString(flags, 'type');
    if (!CONTENT_TYPES[patchType]) throw new KubectlError(`error: --type must be one of [json merge strategic], not "${patchType}"`);
    let text = flagString(flags, 'patch');
    const file = flagString(flags, 'patch-file');
    if (text && file) throw new KubectlError('error: --patch and --patch-file are mutually exclusive');
    if (file) text = await ctx.readFile(file).catch(() => {
      throw new KubectlError(`error: unable to read patch file: open ${file}: no such file or directory`);
    });
    if (!text) throw new KubectlError('error: must specify --patch or --patch-file containing the contents of the patch');
    const body = parsePatch(text, flagString(flags, 'patch'));
    const subresource = flagString(flags, 'subresource');
    const errors: unknown[] = [];
    const targets = await findTargets(ctx, flags, flags.args, errors);
    const output = flagString(flags, 'output');
    const dryRun = flagString(flags, 'dry-run');
    for (const target of targets) {
      try {
        const query: Record<string, string> = { fieldManager: flagString(flags, 'field-manager') };
        if (dryRun === 'server') query.dryRun = 'All';
        const before = subresource ? await ctx.client.send<KubeObject>({ method: 'GET', path: resourcePath(target.type, target.namespace, target.name, subresource) }) : target.object;
        const patched = await ctx.client.send<KubeObject>({
          method: 'PATCH',
          path: resourcePath(target.type, target.namespace, target.name, subresource || undefined),
          query,
          body,
          headers: { 'content-type': CONTENT_TYPES[patchType] },
        });
        // The printer is made after the patch is sent, as upstream's is: a bad -o fails with the object patched.
        const format = changeOutputFormat(output, '');
        if (format && format.kind !== 'name') ctx.stdout(await printObjects(format, [patched], { single: true }));
        else if (format) ctx.stdout(`${kindName(target.type)}/${target.name}\n`);
        else ctx.stdout(`${kindName(target.type)}/${target.name} patched${jsonEqual(before, patched) ? ' (no change)' : ''}\n`);
      } catch (error) {
        errors.push(error);
      }
    }
    for (const error of errors) ctx.stderr(`${describeError(error).message}\n`);
    return errors.length > 0 ? 1 : 0;
  },
};
