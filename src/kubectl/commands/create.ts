// kubectl create: objects from files (-f, directories, stdin) or built from flags by the
// generator subcommands (deployment, service, configmap, secret, namespace, job,
// serviceaccount). Upstream: staging/src/k8s.io/kubectl/pkg/cmd/create.

import { namespaceOf, type Command } from '../command';
import { describeError, KubectlError, UsageError } from '../errors';
import { flagArray, flagBool, type ParsedFlags } from '../flags';
import { isUnreadable, readManifests } from '../manifests/read-manifests';
import { resolveManifest } from '../manifests/resolve-manifest';
import { changeFormatOf } from '../printers/change-output';
import { CREATE_FLAGS, submitCreate } from './create/submit';
import { GENERATOR_COMMANDS } from './create/generator-commands';

async function createFromFiles(flags: ParsedFlags, ctx: Parameters<NonNullable<Command['run']>>[1]): Promise<number> {
  changeFormatOf(flags);
  const manifests = await readManifests(ctx, flagArray(flags, 'filename'), flagBool(flags, 'recursive'));
  if (manifests.length === 0) throw new KubectlError('error: no objects passed to create');
  const namespace = namespaceOf(flags, ctx);
  const errors: unknown[] = [];
  for (const manifest of manifests) {
    if (isUnreadable(manifest)) {
      errors.push(manifest.unreadable);
      continue;
    }
    try {
      const resolved = await resolveManifest(ctx, manifest, namespace, flags.changed.has('namespace'));
      const object = { ...resolved.object, metadata: { ...resolved.object.metadata } };
      if (resolved.type.namespaced && !object.metadata.namespace) object.metadata.namespace = resolved.namespace;
      await submitCreate(ctx, flags, resolved.type, resolved.namespace, object, manifest.source);
    } catch (error) {
      errors.push(error);
    }
  }
  for (const error of errors) ctx.stderr(`${describeError(error).message}\n`);
  return errors.length > 0 ? 1 : 0;
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
