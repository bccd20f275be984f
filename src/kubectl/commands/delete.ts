// kubectl delete: deletes objects by name, label or file, prints `<kind> "<name>" deleted`, and
// (by default) waits until each is really gone. Grace periods, --now, --force and cascading
// policies pass through as DeleteOptions. Upstream:
// staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go.

import type { KubeList, KubeObject } from '../../api/meta';
import { resourcePath, type ResourceType } from '../../api/scheme';
import { isNotFound } from '../../client/client';
import { cascadePolicy } from '../cascade';
import { namespaceOf, type Command } from '../command';
import type { KubectlContext } from '../context';
import { KubectlError, reportErrors, visitErrors, withFileContext } from '../errors';
import { flagArray, flagBool, flagNumber, flagString } from '../flags';
import { resolveEachManifest } from '../manifests/resolve-manifest';
import { selectResources } from '../resource-args';
import { kindName } from '../resource-mapper';

const MISSING = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

interface Target {
  type: ResourceType;
  namespace?: string;
  name: string;
  uid?: string;
  /** The file the target came from (delete -f), for error messages. */
  source?: string;
}

/** Resolves once the object is gone (or replaced by a new one with another uid), or on Ctrl+C. */
async function waitForDeletion(ctx: KubectlContext, target: Target): Promise<void> {
  const gone = async () => {
    try {
      const object = await ctx.client.get(target.type, target.namespace, target.name);
      return target.uid !== undefined && object.metadata.uid !== target.uid;
    } catch (error) {
      if (isNotFound(error)) return true;
      throw error;
    }
  };
  if (await gone()) return;
  await new Promise<void>((resolve, reject) => {
    let handle: { stop(): void } | undefined;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      handle?.stop();
      resolve();
    };
    ctx.signal.onCancel(finish);
    ctx.client
      .watch(target.type, target.namespace, { fieldSelector: `metadata.name=${target.name}` }, (event) => {
        if (event.type === 'DELETED' && (!target.uid || event.object.metadata.uid === target.uid)) finish();
      })
      .then(async (h) => {
        handle = h;
        if (done) h.stop();
        else if (await gone()) finish();
      }, reject);
  });
}

export const deleteCommand: Command = {
  name: 'delete',
  summary: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  usage: "kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])",
  flags: [
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'field-selector', type: 'string', default: '' },
    { name: 'all', type: 'bool', default: false },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'now', type: 'bool', default: false },
    { name: 'force', type: 'bool', default: false },
    { name: 'wait', type: 'bool', default: true },
    { name: 'ignore-not-found', type: 'bool', default: false },
    { name: 'cascade', type: 'string', default: 'background' },
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'filename', short: 'f', type: 'stringSlice', default: [] },
    { name: 'recursive', short: 'R', type: 'bool', default: false },
    { name: 'dry-run', type: 'string', default: 'none' },
    { name: 'timeout', type: 'duration' },
    { name: 'interactive', short: 'i', type: 'bool', default: false },
    { name: 'raw', type: 'string', default: '' },
  ],
  async run(flags, ctx) {
    const files = flagArray(flags, 'filename');
    if (flags.args.length === 0 && files.length === 0) throw new KubectlError(MISSING);
    const allNamespaces = flagBool(flags, 'all-namespaces');
    const namespace = namespaceOf(flags, ctx);
    let grace = flagNumber(flags, 'grace-period') ?? -1;
    const force = flagBool(flags, 'force');
    if (flagBool(flags, 'now')) {
      if (grace !== -1) throw new KubectlError('error: --now and --grace-period cannot be specified together');
      grace = 1;
    }
    if (grace === 0 && !force) grace = 1;
    if (force && grace < 0) grace = 0;
    if (force && grace === 0) ctx.stderr('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
    const policy = cascadePolicy(flagString(flags, 'cascade'), (text) => ctx.stderr(text));
    const selections = files.length > 0 ? [] : await selectResources(ctx.mapper, flags.args);
    const selector = flagString(flags, 'selector');
    const byList = selector || flagBool(flags, 'all') || flagString(flags, 'field-selector');
    const targets: Target[] = [];
    const errors: unknown[] = [];
    const builderErrors: unknown[] = [];
    for (const resolved of await resolveEachManifest(ctx, files, flagBool(flags, 'recursive'), namespace, flags.changed.has('namespace'))) {
      if ('skipped' in resolved) builderErrors.push(resolved.skipped);
      else targets.push({ type: resolved.type, namespace: resolved.namespace, name: resolved.name, source: resolved.source });
    }
    for (const selection of selections) {
      const ns = selection.type.namespaced ? (allNamespaces ? undefined : namespace) : undefined;
      if (selection.names.length === 0) {
        if (!byList) throw new KubectlError('error: resource(s) were provided, but no name was specified');
        const query: Record<string, string> = {};
        if (selector) query.labelSelector = selector;
        if (flagString(flags, 'field-selector')) query.fieldSelector = flagString(flags, 'field-selector');
        const list = await ctx.client.send<KubeList>({ method: 'GET', path: resourcePath(selection.type, ns), query });
        for (const item of list.items) targets.push({ type: selection.type, namespace: item.metadata.namespace, name: item.metadata.name ?? '' });
      }
      for (const name of selection.names) targets.push({ type: selection.type, namespace: ns, name });
    }
    if (targets.length === 0 && byList && builderErrors.length === 0) {
      ctx.stdout(allNamespaces || !selections.every((s) => s.type.namespaced) ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
      return 0;
    }
    const deleted: Target[] = [];
    for (const target of targets) {
      try {
        const options: Record<string, unknown> = { propagationPolicy: policy };
        if (grace >= 0) options.gracePeriodSeconds = grace;
        const result = await ctx.client.delete(target.type, target.namespace, target.name, options);
        const uid = (result as KubeObject).metadata?.uid ?? (result as { details?: { uid?: string } }).details?.uid;
        deleted.push({ ...target, uid });
        const verb = force && grace === 0 ? 'force deleted' : 'deleted';
        if (flagString(flags, 'output') === 'name') ctx.stdout(`${kindName(target.type)}/${target.name}\n`);
        else ctx.stdout(`${kindName(target.type)} "${target.name}" ${verb}${allNamespaces && target.namespace ? ` from ${target.namespace} namespace` : ''}\n`);
      } catch (error) {
        if (flagBool(flags, 'ignore-not-found') && isNotFound(error)) continue;
        errors.push(target.source ? withFileContext(error, 'deleting', target.source) : error);
      }
    }
    if (flagBool(flags, 'wait') && !(force && grace === 0)) {
      for (const target of deleted) await waitForDeletion(ctx, target);
    }
    return reportErrors(ctx, visitErrors(errors, builderErrors));
  },
};
