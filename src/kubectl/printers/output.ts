// The -o/--output formats kubectl accepts and how each prints a set of objects: one object as
// itself, several as a `List`; names as `kind.group/name`. Upstream:
// staging/src/k8s.io/cli-runtime/pkg/genericclioptions/print_flags.go and cmd/get/get.go.

import type { KubeObject } from '../../api/meta';
import { KubectlError } from '../errors';
import { printJson } from './json-printer';
import { printYaml } from './yaml-printer';

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'json' }
  | { kind: 'yaml' }
  | { kind: 'name' };

const ALLOWED =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

export function outputFormat(text: string, _template = ''): OutputFormat {
  switch (text) {
    case '':
      return { kind: 'table', wide: false };
    case 'wide':
      return { kind: 'table', wide: true };
    case 'json':
      return { kind: 'json' };
    case 'yaml':
      return { kind: 'yaml' };
    case 'name':
      return { kind: 'name' };
    default:
      throw new KubectlError(`error: unable to match a printer suitable for the output format "${text}", allowed formats are: ${ALLOWED}`);
  }
}

/** `pod/web`, `deployment.apps/web`. */
export function objectName(object: KubeObject): string {
  const slash = object.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : object.apiVersion.slice(0, slash);
  const kind = object.kind.toLowerCase();
  return `${group ? `${kind}.${group}` : kind}/${object.metadata.name ?? ''}`;
}

export interface PrintObjectsOptions {
  /** The user named exactly one object: print it, not a List. */
  single: boolean;
  listResourceVersion?: string;
}

export function printObjects(format: OutputFormat, objects: KubeObject[], options: PrintObjectsOptions): string {
  if (format.kind === 'name') return objects.map((o) => `${objectName(o)}\n`).join('');
  const value = options.single && objects.length === 1 ? objects[0] : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
  if (format.kind === 'json') return printJson(value);
  if (format.kind === 'yaml') return printYaml(value);
  throw new KubectlError('error: tables cannot print objects');
}
