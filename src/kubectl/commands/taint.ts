// kubectl taint: adds, replaces (--overwrite) or removes taints on nodes named, selected with
// -l or taken --all, writing each node's whole taint list with a strategic merge patch and
// printing `node/x tainted`, `untainted` or `modified` (or the node with -o); errors are kept
// per node and reported at the end as kubectl's CheckErr does.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/taint/taint.go.

import type { Node, Taint } from '../../api/core';
import type { KubeList } from '../../api/meta';
import { findResource, resourcePath } from '../../api/scheme';
import type { Command } from '../command';
import type { KubectlContext } from '../context';
import { enhanceListError, errorsMessage, KubectlError } from '../errors';
import { flagBool, flagString, type ParsedFlags } from '../flags';
import { outputFormat, printObjects, type OutputFormat } from '../printers/output';
import { dryRunOf, validationParam, type DryRun } from './create/submit';
import { applyTaintChanges, TaintsNotFoundError } from './taint-changes';
import { checkNoConflicts, parseTaintChanges, splitTaintArgs, type TaintChanges } from './taint-spec';

const NODES = findResource('', 'v1', 'nodes')!;

const PRINTER_FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];

/** Upstream checks the resource type by the part before the first dot and accepts only nodes. */
async function checkNodeType(ctx: KubectlContext, typeArg: string): Promise<void> {
  const typeText = typeArg.toLowerCase();
  const resource = typeText.replace(/\.$/, '').split('.')[0];
  const type = await ctx.mapper.find(resource);
  if (!type) throw new KubectlError(`the server doesn't have a resource type "${resource}"`);
  if (type.kind !== 'Node') throw new KubectlError(`error: invalid resource type ${typeText}, only node types are supported`);
}

function checkSelection(flags: ParsedFlags, resources: string[]): void {
  const all = flagBool(flags, 'all');
  const selector = flagString(flags, 'selector');
  if (all && selector) throw new KubectlError("error: setting 'all' parameter with a non empty selector is prohibited");
  if (!all && !selector && resources.length < 2) throw new KubectlError("error: at least one resource name must be specified since 'all' parameter is not set");
}

/**
 * Calls `visit` on each node to taint: those selected with -l or --all (names then ignored),
 * else each named one, read just before its visit; returns the errors in visiting order.
 */
async function visitNodes(ctx: KubectlContext, flags: ParsedFlags, names: string[], visit: (node: Node) => Promise<void>): Promise<unknown[]> {
  const errors: unknown[] = [];
  const selector = flagString(flags, 'selector');
  let reads: (() => Promise<Node>)[];
  if (selector || flagBool(flags, 'all')) {
    try {
      const list = await ctx.client.send<KubeList<Node>>({ method: 'GET', path: resourcePath(NODES), query: selector ? { labelSelector: selector } : {} });
      reads = list.items.map((item) => () => Promise.resolve({ ...item, apiVersion: 'v1', kind: 'Node' }));
    } catch (error) {
      return [enhanceListError(error, NODES, selector, '')];
    }
  } else {
    reads = names.map((name) => () => ctx.client.send<Node>({ method: 'GET', path: resourcePath(NODES, undefined, name) }));
  }
  for (const read of reads) {
    try {
      await visit(await read());
    } catch (error) {
      errors.push(error);
    }
  }
  return errors;
}

/** Only the printers kubectl taint's print flags offer; the rest fail per node, as upstream. */
function printerFormat(flags: ParsedFlags): OutputFormat | undefined {
  const output = flagString(flags, 'output');
  const template = flagString(flags, 'template');
  if (!output && !template) return undefined;
  const name = output.split('=')[0];
  if (output && !PRINTER_FORMATS.includes(name)) {
    throw new Error(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${PRINTER_FORMATS.join(',')}`);
  }
  return outputFormat(output, template);
}

/** The strategic merge patch from the old taint list to the new: the list is atomic, so all of it. */
function taintsPatch(current: readonly Taint[], next: readonly Taint[]): object {
  if (JSON.stringify(current) === JSON.stringify(next)) return {};
  return { spec: { taints: next.length > 0 ? next : null } };
}

/** What every node of one run gets: the changes, the dry-run strategy and the PATCH query. */
interface TaintRequest {
  changes: TaintChanges;
  dryRun: DryRun;
  query: Record<string, string>;
}

async function taintNode(ctx: KubectlContext, flags: ParsedFlags, node: Node, request: TaintRequest): Promise<string> {
  const name = node.metadata.name ?? '';
  const current = node.spec?.taints ?? [];
  const { operation, taints } = applyTaintChanges(name, current, request.changes, flagBool(flags, 'overwrite'));
  const format = printerFormat(flags);
  let result: Node;
  if (request.dryRun === 'client') {
    const spec: Node['spec'] = { ...node.spec, taints };
    if (taints.length === 0) delete spec.taints;
    result = { ...node, spec };
  } else {
    result = await ctx.client.send<Node>({
      method: 'PATCH',
      path: resourcePath(NODES, undefined, name),
      query: request.query,
      body: taintsPatch(current, taints),
      headers: { 'content-type': 'application/strategic-merge-patch+json' },
    });
  }
  // Upstream prints the client dry run's object unstructured, the server's answer typed.
  if (format) return printObjects(format, [result], { single: true, typed: request.dryRun !== 'client' });
  return `node/${name} ${operation}\n`;
}

/**
 * What kubectl's CheckErr prints: errorsMessage's layout, except that one node's missing taints
 * (an aggregate of its own) print one per line.
 */
function errorText(errors: unknown[]): string {
  const [error] = errors;
  if (errors.length === 1 && error instanceof TaintsNotFoundError && error.messages.length > 1) return error.messages.map((message) => `${message}\n`).join('');
  return `${errorsMessage(errors)}\n`;
}

export const taintCommand: Command = {
  name: 'taint',
  summary: 'Update the taints on one or more nodes',
  usage: 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N',
  flags: [
    { name: 'all', type: 'bool', default: false },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'overwrite', type: 'bool', default: false },
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'template', type: 'string', default: '' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    { name: 'show-managed-fields', type: 'bool', default: false },
    { name: 'dry-run', type: 'string', default: 'none' },
    { name: 'validate', type: 'string', default: 'strict' },
    { name: 'field-manager', type: 'string', default: 'kubectl-taint' },
  ],
  async run(flags, ctx) {
    const dryRun = dryRunOf(flags);
    const query: Record<string, string> = { fieldManager: flagString(flags, 'field-manager'), fieldValidation: validationParam(flags) };
    if (dryRun === 'server') query.dryRun = 'All';
    const { resources, taintArgs } = splitTaintArgs(flags.args);
    if (resources.length < 1) throw new KubectlError('error: one or more resources must be specified as <resource> <name>');
    if (taintArgs.length < 1) throw new KubectlError('error: at least one taint update is required');
    const changes = parseTaintChanges(taintArgs);
    await checkNodeType(ctx, resources[0]);
    checkNoConflicts(changes);
    checkSelection(flags, resources);
    const errors = await visitNodes(ctx, flags, resources.slice(1), async (node) => ctx.stdout(await taintNode(ctx, flags, node, { changes, dryRun, query })));
    if (errors.length === 0) return 0;
    ctx.stderr(errorText(errors));
    return 1;
  },
};
