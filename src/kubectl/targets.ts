// The objects a command acts on, as kubectl's resource builder finds them: TYPE NAME…,
// TYPE/NAME…, TYPE with -l or --all, or -f files; fetched from the server so the command can
// read and change them. Errors for single objects are collected, not thrown, as kubectl
// reports them after doing what it can.

import type { KubeList, KubeObject } from '../api/meta';
import { resourcePath, type ResourceType } from '../api/scheme';
import { namespaceOf } from './command';
import type { KubectlContext } from './context';
import { KubectlError } from './errors';
import { flagArray, flagBool, flagString, type FlagSpec, type ParsedFlags } from './flags';
import { resolveEachManifest } from './manifests/resolve-manifest';
import { selectResources } from './resource-args';

export interface Target {
  type: ResourceType;
  namespace?: string;
  name: string;
  object: KubeObject;
}

/** The flags findTargets reads besides the namespace and --all: -f, -l and -R. */
export const SELECTION_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringSlice', default: [] },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'recursive', short: 'R', type: 'bool', default: false },
];

/** The same with --all, for the commands that take it. */
export const TARGET_FLAGS: FlagSpec[] = [{ name: 'all', type: 'bool', default: false }, ...SELECTION_FLAGS];

export interface TargetOptions {
  /** Whether --all is a flag of this command. */
  all?: boolean;
  /** The message when neither a name, a selector nor --all is given. */
  noNameMessage?: string;
  /** False when the command's -l/--selector means something else (expose's service selector). */
  labelSelector?: boolean;
}

export const MISSING_RESOURCES = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

export async function findTargets(ctx: KubectlContext, flags: ParsedFlags, args: string[], errors: unknown[], options: TargetOptions = {}): Promise<Target[]> {
  const namespace = namespaceOf(flags, ctx);
  const allNamespaces = flagBool(flags, 'all-namespaces');
  const files = flagArray(flags, 'filename');
  const targets: Target[] = [];
  if (files.length > 0) {
    for (const resolved of await resolveEachManifest(ctx, files, flagBool(flags, 'recursive'), namespace, flags.changed.has('namespace'))) {
      if ('skipped' in resolved) {
        errors.push(resolved.skipped);
        continue;
      }
      try {
        const object = await ctx.client.send<KubeObject>({ method: 'GET', path: resourcePath(resolved.type, resolved.namespace, resolved.name) });
        targets.push({ type: resolved.type, namespace: resolved.namespace, name: resolved.name, object });
      } catch (error) {
        errors.push(error);
      }
    }
    return targets;
  }
  if (args.length === 0) throw new KubectlError(MISSING_RESOURCES);
  const selector = options.labelSelector === false ? '' : flagString(flags, 'selector');
  const all = options.all === true && flagBool(flags, 'all');
  for (const selection of await selectResources(ctx.mapper, args)) {
    const type = selection.type;
    const ns = type.namespaced ? (allNamespaces ? undefined : namespace) : undefined;
    if (selection.names.length === 0) {
      if (!selector && !all) throw new KubectlError(options.noNameMessage ?? 'error: resource(s) were provided, but no name was specified');
      const query: Record<string, string> = selector ? { labelSelector: selector } : {};
      const list = await ctx.client.send<KubeList>({ method: 'GET', path: resourcePath(type, ns), query });
      for (const item of list.items) targets.push({ type, namespace: item.metadata.namespace, name: item.metadata.name ?? '', object: { ...item, kind: type.kind, apiVersion: item.apiVersion || (type.group ? `${type.group}/${type.version}` : type.version) } });
      continue;
    }
    for (const name of selection.names) {
      try {
        const object = await ctx.client.send<KubeObject>({ method: 'GET', path: resourcePath(type, ns, name) });
        targets.push({ type, namespace: ns, name, object });
      } catch (error) {
        errors.push(error);
      }
    }
  }
  return targets;
}
