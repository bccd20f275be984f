// The -o/--output formats kubectl accepts and how each prints a set of objects: one object as
// itself, several as a `List`; names as `kind.group/name`; JSONPath, custom columns and Go
// templates over the same values. Upstream:
// staging/src/k8s.io/cli-runtime/pkg/genericclioptions/print_flags.go and cmd/get/get.go.

import type { KubeObject } from '../../api/meta';
import { normalizeWithSchema } from '../../api/schema/decode';
import { schemaForKind } from '../../api/schema/registry';
import { KubectlError } from '../errors';
import { compileJsonPath, type CompiledJsonPath } from '../jsonpath/evaluate';
import { JsonPathParseError } from '../jsonpath/parser';
import { parseCustomColumns, printCustomColumns, type CustomColumn } from './custom-columns';
import { printJson } from './json-printer';

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'json' }
  | { kind: 'yaml' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; path: CompiledJsonPath; asJson: boolean }
  | { kind: 'custom-columns'; columns: CustomColumn[] }
  | { kind: 'go-template'; template: string };

const ALLOWED =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

function compileJsonPathFlag(template: string): CompiledJsonPath {
  try {
    return compileJsonPath(template);
  } catch (error) {
    if (error instanceof JsonPathParseError) throw new KubectlError(`error: error parsing jsonpath ${template}, ${error.message}`);
    throw error;
  }
}

/** The format `-o TEXT` (with `--template` for the template formats) asks for. */
export function outputFormat(text: string, templateFlag = ''): OutputFormat {
  const eq = text.indexOf('=');
  const name = eq < 0 ? text : text.slice(0, eq);
  const argument = eq < 0 ? templateFlag : text.slice(eq + 1);
  switch (name) {
    case '':
      if (templateFlag) return { kind: 'go-template', template: templateFlag };
      return { kind: 'table', wide: false };
    case 'wide':
      return { kind: 'table', wide: true };
    case 'json':
      return { kind: 'json' };
    case 'yaml':
      return { kind: 'yaml' };
    case 'name':
      return { kind: 'name' };
    case 'jsonpath':
    case 'jsonpath-as-json':
      if (!argument) throw new KubectlError('error: template format specified but no template given');
      return { kind: 'jsonpath', template: argument, path: compileJsonPathFlag(argument), asJson: name === 'jsonpath-as-json' };
    case 'custom-columns':
      if (!argument) throw new KubectlError('error: custom-columns format specified but no custom columns given');
      return { kind: 'custom-columns', columns: parseCustomColumns(argument) };
    case 'go-template':
    case 'template':
      if (!argument) throw new KubectlError('error: template format specified but no template given');
      return { kind: 'go-template', template: argument };
    default:
      throw new KubectlError(`error: unable to match a printer suitable for the output format "${text}", allowed formats are: ${ALLOWED}`);
  }
}

/** `pod/web`, `deployment.apps/web`. */
export function objectName(object: KubeObject): string {
  const slash = object.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : object.apiVersion.slice(0, slash);
  const kind = object.kind.toLowerCase();
  return `${group ? `${kind}.${group}` : kind}/${object.metadata.name || '<unknown>'}`;
}

export interface PrintObjectsOptions {
  /** The user named exactly one object: print it, not a List. */
  single: boolean;
  noHeaders?: boolean;
  /**
   * The object is one kubectl holds typed (what run, expose and the create generators make and
   * get back): JSON prints it as Go marshals its struct, fields in declaration order and zero
   * values written out, where objects held unstructured print with sorted keys.
   */
  typed?: boolean;
}

/** `object` as Go marshals its kind's struct, when kubetab knows the kind's schema. */
export function asTyped(object: KubeObject): KubeObject {
  const slash = object.apiVersion.indexOf('/');
  const schema = schemaForKind(slash < 0 ? '' : object.apiVersion.slice(0, slash), object.apiVersion.slice(slash + 1), object.kind);
  return schema ? (normalizeWithSchema(object as unknown as Record<string, unknown>, schema) as unknown as KubeObject) : object;
}

/** Everything kubectl prints objects with except server tables. */
export async function printObjects(format: OutputFormat, objects: KubeObject[], options: PrintObjectsOptions): Promise<string> {
  if (format.kind === 'name') return objects.map((o) => `${objectName(o)}\n`).join('');
  if (format.kind === 'custom-columns') return printCustomColumns(format.columns, objects, options.noHeaders ?? false);
  const value = options.single && objects.length === 1 ? objects[0] : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
  switch (format.kind) {
    case 'json':
      return options.typed && value === objects[0] ? printJson(asTyped(objects[0]), false) : printJson(value);
    case 'yaml': {
      const { printYaml } = await import('./yaml-printer');
      return printYaml(value);
    }
    case 'jsonpath':
      return runJsonPath(format, value);
    case 'go-template': {
      const { executeGoTemplate } = await import('../gotemplate/execute');
      return executeGoTemplate(format.template, value);
    }
    default:
      throw new KubectlError('error: tables cannot print objects');
  }
}

function runJsonPath(format: Extract<OutputFormat, { kind: 'jsonpath' }>, value: unknown): string {
  try {
    return format.path.execute(value, format.asJson);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new KubectlError(`error: error executing jsonpath ${JSON.stringify(format.template)}: Error executing template: ${message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${format.template}\n\tobject given to jsonpath engine was:\n\t\t${JSON.stringify(value)}\n\n`);
  }
}
