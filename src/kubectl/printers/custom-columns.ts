// -o custom-columns=HEADER:PATH,…: one column per JSONPath, values joined by commas, `<none>`
// when a path finds nothing, aligned as kubectl's tab writer does.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/get/customcolumn.go.

import type { KubeObject } from '../../api/meta';
import { KubectlError } from '../errors';
import { compileJsonPath, JsonPathError, relaxedJsonPath, type CompiledJsonPath } from '../jsonpath/evaluate';
import { JsonPathParseError } from '../jsonpath/parser';
import { GET_TABS, TabWriter } from '../tabwriter';
import { goSprint } from './go-values';

export interface CustomColumn {
  header: string;
  path: CompiledJsonPath;
}

export function parseCustomColumns(spec: string): CustomColumn[] {
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new KubectlError(`error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    try {
      return { header: part.slice(0, colon), path: compileJsonPath(relaxedJsonPath(part.slice(colon + 1))) };
    } catch (error) {
      if (error instanceof JsonPathError || error instanceof JsonPathParseError) throw new KubectlError(`error: ${error.message}`);
      throw error;
    }
  });
}

function escapeTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex -- terminal escape sequences are what this matches
  return text.replace(/\x1b/g, '^[');
}

export function printCustomColumns(columns: CustomColumn[], objects: KubeObject[], noHeaders: boolean): string {
  const tabs = new TabWriter(GET_TABS);
  if (!noHeaders) tabs.write(`${columns.map((c) => c.header).join('\t')}\n`);
  for (const object of objects) {
    const cells = columns.map((column) => {
      const groups = column.path.findResults(object);
      if (groups.length === 0 || groups[0].length === 0) return '<none>';
      return groups.flatMap((group) => group.map((value) => escapeTerminal(goSprint(value)))).join(',');
    });
    tabs.write(`${cells.join('\t')}\n`);
  }
  return tabs.flush();
}
