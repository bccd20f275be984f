// What every `kubectl create` path shares: POST the object (or only print it with
// --dry-run=client), and print `kind/name created` or the object in the -o format.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/create/create.go.

import type { KubeObject } from '../../../api/meta';
import { resourcePath, type ResourceType } from '../../../api/scheme';
import type { FlagSpec, ParsedFlags } from '../../flags';
import { flagBool, flagString } from '../../flags';
import type { KubectlContext } from '../../context';
import { KubectlError, withFileContext } from '../../errors';
import { changeFormatOf } from '../../printers/change-output';
import { printObjects } from '../../printers/output';
import { kindName } from '../../resource-mapper';
import { withLastApplied } from '../apply/last-applied';

export const CREATE_FLAGS: FlagSpec[] = [
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'save-config', type: 'bool', default: false },
  { name: 'field-manager', type: 'string', default: 'kubectl-create' },
  { name: 'validate', type: 'string', default: 'strict' },
  { name: 'template', type: 'string', default: '' },
  { name: 'show-managed-fields', type: 'bool', default: false },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
];

export type DryRun = 'none' | 'client' | 'server';

export function dryRunOf(flags: ParsedFlags): DryRun {
  const value = flagString(flags, 'dry-run');
  if (value === 'none' || value === 'client' || value === 'server') return value;
  if (value === '' || value === 'true') return 'client';
  if (value === 'false') return 'none';
  throw new KubectlError(`error: Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}

/** The fieldValidation the server is asked for, from --validate. */
export function validationParam(flags: ParsedFlags): string {
  const value = flagString(flags, 'validate');
  if (value === 'true' || value === 'strict') return 'Strict';
  if (value === 'false' || value === 'ignore') return 'Ignore';
  if (value === 'warn') return 'Warn';
  throw new KubectlError(`error: invalid - validate option "${value}"; must be one of: strict (or true), warn, ignore (or false)`);
}

/** Creates `object` (or pretends to), then prints what kubectl prints. */
export async function submitCreate(ctx: KubectlContext, flags: ParsedFlags, type: ResourceType, namespace: string | undefined, object: KubeObject, source?: string): Promise<void> {
  const dryRun = dryRunOf(flags);
  const format = changeFormatOf(flags);
  const body = flagBool(flags, 'save-config') ? withLastApplied(object) : object;
  let result: KubeObject = body;
  if (dryRun !== 'client') {
    const query: Record<string, string> = { fieldManager: flagString(flags, 'field-manager'), fieldValidation: validationParam(flags) };
    if (dryRun === 'server') query.dryRun = 'All';
    try {
      result = await ctx.client.send<KubeObject>({ method: 'POST', path: resourcePath(type, type.namespaced ? namespace : undefined), query, body, headers: { 'content-type': 'application/json' } });
    } catch (error) {
      if (source === undefined) throw error;
      throw withFileContext(error, 'creating', source);
    }
  }
  if (format) {
    // A generator's object is typed; one read from a file is unstructured.
    ctx.stdout(await printObjects(format, [result], { single: true, typed: source === undefined }));
    return;
  }
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  ctx.stdout(`${kindName(type)}/${object.metadata.name ?? result.metadata?.name ?? ''} created${suffix}\n`);
}
