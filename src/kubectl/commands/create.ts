// kubectl create: objects from files (-f, directories, stdin) or built from flags by the
// generator subcommands (deployment, service, configmap, secret, namespace, job,
// serviceaccount). Upstream: staging/src/k8s.io/kubectl/pkg/cmd/create.

import { namespaceOf, type Command } from '../command';
import { KubectlError, reportErrors, UsageError, visitErrors } from '../errors';
import { flagArray, flagBool, type ParsedFlags } from '../flags';
import { placedObject, resolveFiles } from '../manifests/resolve-manifest';
import { changeFormatOf } from '../printers/change-output';
import { CREATE_FLAGS, submitCreate } from './create/submit';
import { GENERATOR_COMMANDS } from './create/generator-commands';

async function createFromFiles(flags: ParsedFlags, ctx: Parameters<NonNullable<Command['run']>>[1]): Promise<number> {
  changeFormatOf(flags);
  const files = await resolveFiles(ctx, flagArray(flags, 'filename'), flagBool(flags, 'recursive'), namespaceOf(flags, ctx), flags.changed.has('namespace'));
  if (files.manifests.length === 0 && files.errors.length === 0) throw new KubectlError('error: no objects passed to create');
  const errors: unknown[] = [];
  for (const resolved of files.manifests) {
    try {
      await submitCreate(ctx, flags, resolved.type, resolved.namespace, placedObject(resolved), resolved.source);
    } catch (error) {
      errors.push(error);
    }
  }
  return reportErrors(ctx, visitErrors(errors, files.errors));
}

export const createCommand: Command = {
  name: 'create',
  summary: 'Create a resource from a file or from stdin',
  usage: 'kubectl create -f FILENAME',
  flags: [...CREATE_FLAGS, { name: 'filename', short: 'f', type: 'stringSlice', default: [] }, { name: 'recursive', short: 'R', type: 'bool', default: false }, { name: 'edit', type: 'bool', default: false }, { name: 'selector', short: 'l', type: 'string', default: '' }, { name: 'raw', type: 'string', default: '' }],
  subcommands: GENERATOR_COMMANDS,
  async run(flags, ctx) {
    if (flags.args.length > 0) throw new UsageError(`Unexpected args: [${flags.args.join(' ')}]`, 'create');
    if (flagArray(flags, 'filename').length === 0) throw new KubectlError('error: must specify one of -f and -k');
    return createFromFiles(flags, ctx);
  },
};
