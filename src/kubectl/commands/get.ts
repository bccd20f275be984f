// kubectl get: lists or fetches resources and prints them as the server's tables (or as JSON,
// YAML, names, JSONPath or custom columns), one table per kind with a blank line between,
// errors after the output, and `No resources found` when there is nothing. With -w it keeps
// printing changes until interrupted. Upstream: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go.

import type { KubeList, KubeObject } from '../../api/meta';
import { groupVersion, resourcePath, type ResourceType } from '../../api/scheme';
import type { Table } from '../../apiserver/tables/table';
import { StatusError } from '../../client/client';
import { namespaceOf, type Command } from '../command';
import type { KubectlContext } from '../context';
import { enhanceListError, KubectlError, reportErrors } from '../errors';
import { flagArray, flagBool, flagNumber, flagString, type ParsedFlags } from '../flags';
import { outputFormat, printObjects, type OutputFormat } from '../printers/output';
import { TablePrinter } from '../printers/table-printer';
import { selectResources, type ResourceSelection } from '../resource-args';
import { kindName } from '../resource-mapper';
import { GET_TABS, TabWriter } from '../tabwriter';
import { TABLE_ACCEPT, type Fetched } from './get-fetched';
import { fetchFromFiles, fileSelections } from './get-files';
import { sortObjects, sortTables } from './get-sort';

const MISSING_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples`;

const ARGS_WITH_FILES = 'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well';

function listQuery(flags: ParsedFlags, extra: Record<string, string> = {}): Record<string, string> {
  const query: Record<string, string> = { ...extra };
  const labels = flagString(flags, 'selector');
  const fields = flagString(flags, 'field-selector');
  if (labels) query.labelSelector = labels;
  if (fields) query.fieldSelector = fields;
  return query;
}

/** The page size kubectl asks for: --chunk-size unless 0, and none when sorting (it sorts the whole list). */
function chunkQuery(flags: ParsedFlags): Record<string, string> {
  const size = flagString(flags, 'sort-by') ? 0 : (flagNumber(flags, 'chunk-size') ?? 0);
  return size === 0 ? {} : { limit: String(size) };
}

async function fetchAll(ctx: KubectlContext, selection: ResourceSelection, namespace: string | undefined, flags: ParsedFlags, table: boolean, errors: unknown[]): Promise<Fetched[]> {
  const headers = table ? { accept: TABLE_ACCEPT } : undefined;
  const objectQuery: Record<string, string> = table && flagString(flags, 'sort-by') ? { includeObject: 'Object' } : {};
  const type = selection.type;
  const ns = type.namespaced ? namespace : undefined;
  if (selection.names.length > 0) {
    const fetched: Fetched[] = [];
    for (const name of selection.names) {
      try {
        fetched.push({ type, body: await ctx.client.send({ method: 'GET', path: resourcePath(type, ns, name), query: objectQuery, headers }) });
      } catch (error) {
        if (flagBool(flags, 'ignore-not-found') && error instanceof StatusError && error.code === 404) continue;
        errors.push(error);
      }
    }
    return fetched;
  }
  const pages: Fetched[] = [];
  let token: string | undefined;
  do {
    const query = listQuery(flags, { ...chunkQuery(flags), ...objectQuery, ...(token ? { continue: token } : {}) });
    try {
      const body = await ctx.client.send<Table | KubeList>({ method: 'GET', path: resourcePath(type, ns), query, headers });
      pages.push({ type, body });
      token = body.metadata?.continue;
    } catch (error) {
      throw enhanceListError(error, type, flagString(flags, 'selector'), flagString(flags, 'field-selector'));
    }
  } while (token);
  return pages;
}

function itemsOf(fetched: Fetched): KubeObject[] {
  const body = fetched.body as KubeList | KubeObject;
  return 'items' in body && Array.isArray(body.items) ? (body.items as KubeObject[]) : [body as KubeObject];
}

async function printHuman(ctx: KubectlContext, flags: ParsedFlags, fetched: Fetched[], allNamespaces: boolean, wide: boolean): Promise<boolean> {
  const multipleKinds = flagBool(flags, 'show-kind') || new Set(fetched.filter((f) => (f.body as Table).rows.length > 0).map((f) => f.type)).size > 1;
  const tabs = new TabWriter(GET_TABS);
  let written = 0;
  let separatorPending = false;
  let lastType: ResourceType | undefined;
  let printer: TablePrinter | undefined;
  const emit = (text: string) => {
    if (text === '') return;
    if (separatorPending) {
      ctx.stdout('\n');
      separatorPending = false;
    }
    written += text.length;
    ctx.stdout(text);
  };
  for (const item of fetched) {
    if (!printer || item.type !== lastType) {
      emit(tabs.flush());
      if (lastType && !flagBool(flags, 'no-headers') && written > 0) separatorPending = true;
      printer = new TablePrinter({
        wide,
        noHeaders: flagBool(flags, 'no-headers'),
        withNamespace: allNamespaces && item.type.namespaced,
        showLabels: flagBool(flags, 'show-labels'),
        columnLabels: flagArray(flags, 'label-columns').filter((l) => l !== ''),
        kind: multipleKinds ? kindName(item.type) : undefined,
      });
      lastType = item.type;
    }
    printer.print(item.body as Table, tabs);
  }
  emit(tabs.flush());
  return written > 0;
}

async function watch(ctx: KubectlContext, flags: ParsedFlags, selections: ResourceSelection[], namespace: string | undefined, allNamespaces: boolean, format: OutputFormat): Promise<number> {
  if (selections.length !== 1) throw new KubectlError('error: watch is only supported on individual resources and resource collections - more than 1 resource was found');
  const selection = selections[0];
  const type = selection.type;
  const ns = type.namespaced ? namespace : undefined;
  const human = format.kind === 'table';
  const headers = human ? { accept: TABLE_ACCEPT } : undefined;
  const tabs = new TabWriter({ ...GET_TABS, rememberWidths: true });
  const printer = new TablePrinter({ wide: format.kind === 'table' && format.wide, noHeaders: flagBool(flags, 'no-headers'), withNamespace: allNamespaces && type.namespaced, showLabels: flagBool(flags, 'show-labels'), columnLabels: [] });
  const eventsFlag = flagBool(flags, 'output-watch-events');
  let printing = Promise.resolve();
  const show = (body: unknown, event?: string) => {
    if (human) {
      printer.print(body as Table, tabs, eventsFlag ? (event ?? 'ADDED') : undefined);
      ctx.stdout(tabs.flush());
      return;
    }
    printing = printing.then(() => printObjects(format, [body as KubeObject], { single: true }).then(ctx.stdout));
  };
  const query = listQuery(flags);
  if (selection.names.length > 1) throw new KubectlError('error: watch is only supported on individual resources and resource collections - more than 1 resource was found');
  if (selection.names.length === 1) query.fieldSelector = `metadata.name=${selection.names[0]}`;
  const initial = await ctx.client.send<Table | KubeList>({ method: 'GET', path: resourcePath(type, ns), query, headers });
  const hasRows = human ? (initial as Table).rows.length > 0 : (initial as KubeList).items.length > 0;
  if (!flagBool(flags, 'watch-only') && hasRows) {
    if (human) show(initial);
    else for (const item of (initial as KubeList).items) show(item);
  }
  const resourceVersion = initial.metadata?.resourceVersion ?? '0';
  await new Promise<void>((resolve, reject) => {
    let streamId: number | undefined;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      if (streamId !== undefined) void ctx.client.transport.cancel(streamId);
      resolve();
    };
    ctx.signal.onCancel(finish);
    ctx.client.transport
      .stream(
        { method: 'GET', path: resourcePath(type, ns), query: { ...query, watch: 'true', resourceVersion }, headers },
        {
          data: (chunk) => {
            if (done) return;
            const event = chunk as { type: string; object: unknown };
            if (event.type === 'ERROR' || event.type === 'BOOKMARK') return;
            show(event.object, event.type);
          },
          end: () => void printing.then(finish),
        },
      )
      .then((response) => {
        if (response.status >= 400) reject(new StatusError(response.body as never));
        streamId = response.streamId;
        if (done && streamId !== undefined) void ctx.client.transport.cancel(streamId);
      }, reject);
  });
  await printing;
  return 0;
}

export const getCommand: Command = {
  name: 'get',
  summary: 'Display one or many resources',
  usage: 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  flags: [
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'field-selector', type: 'string', default: '' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
    { name: 'show-labels', type: 'bool', default: false },
    { name: 'label-columns', short: 'L', type: 'stringSlice', default: [] },
    { name: 'watch', short: 'w', type: 'bool', default: false },
    { name: 'watch-only', type: 'bool', default: false },
    { name: 'output-watch-events', type: 'bool', default: false },
    { name: 'no-headers', type: 'bool', default: false },
    { name: 'ignore-not-found', type: 'bool', default: false },
    { name: 'show-kind', type: 'bool', default: false },
    { name: 'sort-by', type: 'string', default: '' },
    { name: 'chunk-size', type: 'int', default: 500 },
    { name: 'filename', short: 'f', type: 'stringSlice', default: [] },
    { name: 'recursive', short: 'R', type: 'bool', default: false },
    { name: 'server-print', type: 'bool', default: true },
    { name: 'show-managed-fields', type: 'bool', default: false },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    { name: 'template', type: 'string', default: '' },
    { name: 'subresource', type: 'string', default: '' },
    { name: 'raw', type: 'string', default: '' },
  ],
  async run(flags, ctx) {
    const raw = flagString(flags, 'raw');
    if (raw) {
      const url = new URL(raw, 'http://server');
      const body = await ctx.client.send({ method: 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams.entries()) });
      ctx.stdout(typeof body === 'string' ? body : JSON.stringify(body));
      return 0;
    }
    const files = flagArray(flags, 'filename');
    if (flags.args.length === 0 && files.length === 0) throw new KubectlError(MISSING_TYPE);
    if (flags.args.length > 0 && files.length > 0) throw new KubectlError(ARGS_WITH_FILES);
    const format = outputFormat(flagString(flags, 'output'), flagString(flags, 'template'));
    if (flagBool(flags, 'show-labels') && format.kind !== 'table') throw new KubectlError(`error: --show-labels option cannot be used with ${flagString(flags, 'output')} printer`);
    const allNamespaces = flagBool(flags, 'all-namespaces');
    const namespace = allNamespaces ? undefined : namespaceOf(flags, ctx);
    const selections = await selectResources(ctx.mapper, flags.args);
    if (flagBool(flags, 'watch') || flagBool(flags, 'watch-only')) {
      if (files.length === 0) return watch(ctx, flags, selections, namespace, allNamespaces, format);
      const fromFiles = await fileSelections(ctx, flags, namespace ?? '');
      return watch(ctx, flags, fromFiles.selections, fromFiles.namespace, allNamespaces, format);
    }
    const errors: unknown[] = [];
    const fetched: Fetched[] = [];
    let singleItemImplied = selections.length === 1 && selections[0].names.length === 1;
    if (files.length > 0) {
      const fromFiles = await fetchFromFiles(ctx, flags, namespace ?? '', format.kind === 'table', errors);
      fetched.push(...fromFiles.fetched);
      singleItemImplied = fromFiles.singleItemImplied;
    }
    for (const selection of selections) fetched.push(...(await fetchAll(ctx, selection, namespace, flags, format.kind === 'table', errors)));
    let wroteOutput: boolean;
    const sortField = flagString(flags, 'sort-by');
    if (format.kind === 'table') {
      wroteOutput = await printHuman(ctx, flags, sortField ? sortTables(fetched, sortField, ctx.now()) : fetched, allNamespaces, format.wide);
    } else {
      let objects = fetched.flatMap((f) => itemsOf(f).map((o) => ({ ...o, kind: o.kind || f.type.kind, apiVersion: o.apiVersion || groupVersion(f.type) })));
      if (sortField) objects = sortObjects(objects, sortField, singleItemImplied, ctx.now());
      const onlyErrors = (singleItemImplied && errors.length > 0) || (objects.length === 0 && format.kind === 'name');
      const text = onlyErrors ? '' : await printObjects(format, objects, { single: singleItemImplied && objects.length === 1, noHeaders: flagBool(flags, 'no-headers') });
      ctx.stdout(text);
      wroteOutput = text.length > 0;
    }
    if (!wroteOutput && errors.length === 0 && !flagBool(flags, 'ignore-not-found')) {
      const namespaced = !allNamespaces && selections.every((s) => s.type.namespaced);
      if (format.kind === 'table') ctx.stderr(namespaced ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n');
    }
    // Tables print the builder's errors as an aggregate, a list even of one; other formats reduce a lone error to itself.
    return reportErrors(ctx, errors, format.kind === 'table' || errors.length > 1);
  },
};
