// kubectl apply -f: client-side apply. Each object from the files is created when missing, or
// patched with a three-way strategic merge patch computed from its last applied
// configuration, the file and the live object; the last-applied annotation records the file.
// Prints `created`, `configured` or `unchanged` per object.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go and patcher.go.

import type { KubeObject } from '../../api/meta';
import { resourcePath } from '../../api/scheme';
import { isNotFound } from '../../client/client';
import { namespaceOf, type Command } from '../command';
import type { KubectlContext } from '../context';
import { KubectlError, reportErrors, visitErrors, withFileContext } from '../errors';
import { flagArray, flagBool, flagString, type ParsedFlags } from '../flags';
import { resolveFiles, type ResolvedManifest } from '../manifests/resolve-manifest';
import { changeFormatOf } from '../printers/change-output';
import { printObjects } from '../printers/output';
import { patchMetaFor } from '../patch-meta';
import { kindName } from '../resource-mapper';
import { lastAppliedOf, withLastApplied } from './apply/last-applied';
import { threeWayPatch } from './apply/three-way-patch';
import { dryRunOf } from './create/submit';

const FIELD_MANAGER = 'kubectl-client-side-apply';

function missingAnnotationWarning(resolved: ResolvedManifest): string {
  return `Warning: resource ${resolved.type.resource}${resolved.type.group ? `.${resolved.type.group}` : ''}/${resolved.name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
}

async function applyOne(ctx: KubectlContext, flags: ParsedFlags, resolved: ResolvedManifest): Promise<string> {
  const { type } = resolved;
  const dryRun = dryRunOf(flags);
  const object: KubeObject = { ...resolved.object, metadata: { ...resolved.object.metadata } };
  if (type.namespaced) object.metadata.namespace = resolved.namespace;
  const modified = withLastApplied(object);
  const path = resourcePath(type, resolved.namespace, resolved.name);
  const query: Record<string, string> = { fieldManager: flagString(flags, 'field-manager') || FIELD_MANAGER, fieldValidation: 'Strict' };
  if (dryRun === 'server') query.dryRun = 'All';
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  let current: KubeObject | undefined;
  try {
    current = await ctx.client.send<KubeObject>({ method: 'GET', path });
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  if (!current) {
    let created = modified;
    if (dryRun !== 'client') {
      try {
        created = await ctx.client.send<KubeObject>({ method: 'POST', path: resourcePath(type, resolved.namespace), query, body: modified, headers: { 'content-type': 'application/json' } });
      } catch (error) {
        throw withFileContext(error, 'creating', resolved.source);
      }
    }
    return printResult(flags, created, `${kindName(type)}/${resolved.name} created${suffix}\n`);
  }
  const original = lastAppliedOf(current);
  if (!original) ctx.stderr(missingAnnotationWarning(resolved));
  const patch = threeWayPatch(original, modified as unknown as Record<string, unknown>, current as unknown as Record<string, unknown>, patchMetaFor(type));
  if (Object.keys(patch).length === 0) return printResult(flags, current, `${kindName(type)}/${resolved.name} unchanged\n`);
  let patched = current;
  if (dryRun !== 'client') {
    try {
      patched = await ctx.client.send<KubeObject>({ method: 'PATCH', path, query, body: patch, headers: { 'content-type': 'application/strategic-merge-patch+json' } });
    } catch (error) {
      throw withFileContext(error, 'patching', resolved.source);
    }
  }
  return printResult(flags, patched, `${kindName(type)}/${resolved.name} configured${suffix}\n`);
}

/** The printer is made once the object is applied, as upstream's is: a bad -o fails with the change made. */
async function printResult(flags: ParsedFlags, object: KubeObject, message: string): Promise<string> {
  const format = changeFormatOf(flags);
  if (!format) return message;
  if (format.kind === 'name') return message.slice(0, message.lastIndexOf(' ')) + '\n';
  return printObjects(format, [object], { single: true });
}

export const applyCommand: Command = {
  name: 'apply',
  summary: 'Apply a configuration to a resource by file name or stdin',
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY)',
  flags: [
    { name: 'filename', short: 'f', type: 'stringSlice', default: [] },
    { name: 'recursive', short: 'R', type: 'bool', default: false },
    { name: 'dry-run', type: 'string', default: 'none' },
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'field-manager', type: 'string', default: '' },
    { name: 'validate', type: 'string', default: 'strict' },
    { name: 'server-side', type: 'bool', default: false },
    { name: 'force-conflicts', type: 'bool', default: false },
    { name: 'overwrite', type: 'bool', default: true },
    { name: 'prune', type: 'bool', default: false },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'wait', type: 'bool', default: false },
    { name: 'show-managed-fields', type: 'bool', default: false },
  ],
  async run(flags, ctx) {
    const files = flagArray(flags, 'filename');
    if (files.length === 0) throw new KubectlError('error: must specify one of -f and -k');
    if (flagBool(flags, 'server-side')) throw new KubectlError('error: kubetab does not serve server-side apply yet; use client-side apply (without --server-side)');
    if (flags.args.length > 0) throw new KubectlError(`error: Unexpected args: [${flags.args.join(' ')}]\nSee 'kubectl apply -h' for help and examples`);
    const resolved = await resolveFiles(ctx, files, flagBool(flags, 'recursive'), namespaceOf(flags, ctx), flags.changed.has('namespace'));
    if (resolved.manifests.length === 0 && resolved.errors.length === 0) throw new KubectlError('error: no objects passed to apply');
    const errors: unknown[] = [];
    for (const manifest of resolved.manifests) {
      try {
        ctx.stdout(await applyOne(ctx, flags, manifest));
      } catch (error) {
        errors.push(error);
      }
    }
    return reportErrors(ctx, visitErrors(errors, resolved.errors));
  },
};
