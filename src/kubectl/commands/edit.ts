// kubectl edit: opens each object as YAML in the user's editor (the context's editText hook),
// and patches what was changed with a strategic merge patch; an unchanged or emptied file
// cancels. Upstream: staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go.

import { parse } from 'yaml';
import { KUBECTL_YAML } from '../../api/go-yaml';
import type { KubeObject } from '../../api/meta';
import { jsonEqual } from '../../api/objects';
import { resourcePath } from '../../api/scheme';
import type { Command } from '../command';
import { describeError, KubectlError } from '../errors';
import { flagString } from '../flags';
import { patchMetaFor } from '../patch-meta';
import { printYaml } from '../printers/yaml-printer';
import { kindName } from '../resource-mapper';
import { findTargets } from '../targets';
import { twoWayPatch } from './apply/three-way-patch';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
}

export const editCommand: Command = {
  name: 'edit',
  summary: 'Edit a resource on the server',
  usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME)',
  flags: [
    { name: 'filename', short: 'f', type: 'stringSlice', default: [] },
    { name: 'recursive', short: 'R', type: 'bool', default: false },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'field-manager', type: 'string', default: 'kubectl-edit' },
    { name: 'subresource', type: 'string', default: '' },
    { name: 'validate', type: 'string', default: 'strict' },
  ],
  async run(flags, ctx) {
    if (!ctx.editText) throw new KubectlError('error: kubectl edit needs a text editor, and this terminal has none yet: use kubectl patch, or kubectl get -o yaml > file, change the file, then kubectl apply -f file');
    const errors: unknown[] = [];
    const targets = await findTargets(ctx, flags, flags.args, errors);
    for (const target of targets) {
      try {
        const original = target.object;
        const edited = withoutComments(await ctx.editText(HEADER + printYaml(original), `${target.type.resource}-${target.name}.yaml`));
        if (edited.trim() === '') {
          ctx.stdout('Edit cancelled, no changes made.\n');
          continue;
        }
        let changed: KubeObject;
        try {
          changed = parse(edited, KUBECTL_YAML) as KubeObject;
        } catch (error) {
          throw new KubectlError(`error: error parsing edited object: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        }
        if (jsonEqual(changed, original)) {
          ctx.stdout('Edit cancelled, no changes made.\n');
          continue;
        }
        const patch = twoWayPatch(original as unknown as Record<string, unknown>, changed as unknown as Record<string, unknown>, patchMetaFor(target.type));
        await ctx.client.send({
          method: 'PATCH',
          path: resourcePath(target.type, target.namespace, target.name, flagString(flags, 'subresource') || undefined),
          query: { fieldManager: flagString(flags, 'field-manager'), fieldValidation: 'Strict' },
          body: patch,
          headers: { 'content-type': 'application/strategic-merge-patch+json' },
        });
        ctx.stdout(`${kindName(target.type)}/${target.name} edited\n`);
      } catch (error) {
        errors.push(error);
      }
    }
    for (const error of errors) ctx.stderr(`${describeError(error).message}\n`);
    return errors.length > 0 ? 1 : 0;
  },
};
