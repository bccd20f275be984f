// How a command that changes objects (create, apply, replace, scale, and the others) prints
// each result: `kind/name <operation>` marked for dry runs, only `kind/name` with -o name, or
// the object in an -o format; these commands have no table printer, so -o wide is refused
// with their list (most of them before they change anything).
// Upstream: staging/src/k8s.io/cli-runtime/pkg/genericclioptions/print_flags.go and
// cmdutil.PrintFlagsWithDryRunStrategy.

import type { KubeObject } from '../../api/meta';
import { KubectlError } from '../errors';
import { flagString, type FlagSpec, type ParsedFlags } from '../flags';
import { objectName, outputFormat, printObjects, type OutputFormat } from './output';

const FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];

/** The flags of these commands' printer (genericclioptions.PrintFlags). */
export const CHANGE_PRINT_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'template', type: 'string', default: '' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool', default: false },
];

const DRY_RUN_MARKS = { none: '', client: ' (dry run)', server: ' (server dry run)' };

/** The -o format (with --template) a changing command prints in, or undefined for its message. */
export function changeOutputFormat(output: string, template: string): OutputFormat | undefined {
  const name = output.split('=')[0];
  if (name && !FORMATS.includes(name)) throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${FORMATS.join(',')}`);
  return output || template ? outputFormat(output, template) : undefined;
}

/** The -o format (with --template where the command has it) of a changing command's flags, checked. */
export function changeFormatOf(flags: ParsedFlags): OutputFormat | undefined {
  return changeOutputFormat(flagString(flags, 'output'), flagString(flags, 'template'));
}

/** What kubectl prints for `object`, the server's answer (or the object sent on a client dry run). */
export async function printChanged(format: OutputFormat | undefined, object: KubeObject, operation: string, dryRun: keyof typeof DRY_RUN_MARKS): Promise<string> {
  if (!format) return `${objectName(object)} ${operation}${DRY_RUN_MARKS[dryRun]}\n`;
  if (format.kind === 'name') return `${objectName(object)}\n`;
  return printObjects(format, [object], { single: true });
}
