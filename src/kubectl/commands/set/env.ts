// kubectl set env: sets and removes environment variables in the containers of pods and pod
// templates (KEY=VALUE, KEY-, -e, `-e -` from stdin), imports a config map's or secret's keys
// as references (--from, --keys, --prefix), and lists the env (--list, --resolve to show the
// referenced values). Upstream: staging/src/k8s.io/kubectl/pkg/cmd/set/set_env.go.

import type { ConfigMap, Secret } from '../../../api/core';
import type { Container, EnvVar, EnvVarSource } from '../../../api/core-container';
import type { KubeObject } from '../../../api/meta';
import { findResource, resourcePath } from '../../../api/scheme';
import { namespaceOf, type Command } from '../../command';
import type { KubectlContext } from '../../context';
import { describeError, KubectlError, reportErrors } from '../../errors';
import { flagArray, flagBool, flagString, type ParsedFlags } from '../../flags';
import { CHANGE_PRINT_FLAGS, changeFormatOf } from '../../printers/change-output';
import { selectResources } from '../../resource-args';
import { findTargets, TARGET_FLAGS, type Target } from '../../targets';
import { keyToEnvName, parseEnvChanges, selectContainers, splitEnvironmentFromResources, updateEnv, type EnvChanges } from './env-args';
import { sendPodSpecChange } from './patch-pod-spec';
import { podSpecOf } from './pod-spec';

/** Env vars referring to each key of the --from config map or secret (--keys picks some). */
async function fromReferences(ctx: KubectlContext, flags: ParsedFlags): Promise<EnvVar[]> {
  const from = flagString(flags, 'from');
  if (!from) return [];
  const keys = flagArray(flags, 'keys');
  const namespace = namespaceOf(flags, ctx);
  const env: EnvVar[] = [];
  for (const selection of await selectResources(ctx.mapper, [from])) {
    for (const name of selection.names) {
      const object = await ctx.client.get(selection.type, selection.type.namespaced ? namespace : undefined, name);
      if (object.kind !== 'ConfigMap' && object.kind !== 'Secret') throw new KubectlError('error: unsupported resource specified in --from');
      const data = (object as ConfigMap | Secret).data ?? {};
      for (const key of Object.keys(data)) {
        if (keys.length > 0 && !keys.includes(key)) continue;
        const envName = keyToEnvName(key);
        if (envName !== key) ctx.stderr(`Warning: key ${key} transferred to ${envName}\n`);
        const valueFrom: EnvVarSource = object.kind === 'ConfigMap' ? { configMapKeyRef: { name, key } } : { secretKeyRef: { name, key } };
        env.push({ name: envName, valueFrom });
      }
    }
  }
  return env;
}

function referenceText(from: EnvVarSource): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) return `resource field ${from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : ''}${from.resourceFieldRef.resource}`;
  return 'invalid valueFrom';
}

/** The value a config map or secret key reference holds (--resolve); other references stay unresolved. */
async function referencedValue(ctx: KubectlContext, namespace: string | undefined, from: EnvVarSource): Promise<string | undefined> {
  const ref = from.configMapKeyRef ?? from.secretKeyRef;
  if (!ref) return undefined;
  const type = findResource('', 'v1', from.configMapKeyRef ? 'configmaps' : 'secrets')!;
  const object = await ctx.client.send<ConfigMap | Secret>({ method: 'GET', path: resourcePath(type, namespace, ref.name) });
  const value = object.data?.[ref.key];
  if (value === undefined) throw new KubectlError(`key ${ref.key} not found in ${from.configMapKeyRef ? 'config map' : 'secret'} ${ref.name}`);
  return from.secretKeyRef ? atob(value) : value;
}

/** `# Kind name, container c` and each variable, as --list prints them; resolution failures go to stderr. */
async function listEnv(ctx: KubectlContext, target: Target, container: Container, resolve: boolean): Promise<void> {
  ctx.stdout(`# ${target.object.kind} ${target.name}, container ${container.name}\n`);
  const failures = new Map<string, string[]>();
  for (const env of container.env ?? []) {
    if (!env.valueFrom) {
      ctx.stdout(`${env.name}=${env.value ?? ''}\n`);
      continue;
    }
    if (resolve) {
      try {
        const value = await referencedValue(ctx, target.namespace, env.valueFrom);
        if (value !== undefined) {
          ctx.stdout(`${env.name}=${value}\n`);
          continue;
        }
      } catch (error) {
        const message = describeError(error).message.replace(/^(error: |Error from server \(\w+\): )/, '');
        failures.set(message, [...(failures.get(message) ?? []), env.name]);
      }
    }
    ctx.stdout(`# ${env.name} from ${referenceText(env.valueFrom)}\n`);
  }
  const lines = [...failures].map(([message, names]) => `error retrieving reference for ${names.sort().join(', ')}: ${message}`).sort();
  for (const line of lines) ctx.stderr(`${line}\n`);
}

/** Applies the changes to each selected container of `target` (listing them with --list); the changed copy. */
async function changedCopy(ctx: KubectlContext, flags: ParsedFlags, target: Target, changes: EnvChanges): Promise<KubeObject> {
  const modified = structuredClone(target.object);
  const spec = podSpecOf(modified);
  if (!spec) return modified;
  const glob = flagString(flags, 'containers');
  const containers = [...selectContainers(spec.containers, glob), ...selectContainers(spec.initContainers ?? [], glob)];
  if (containers.length === 0) ctx.stderr(`Warning: ${target.object.kind}/${target.name} does not have any containers matching ${JSON.stringify(glob)}\n`);
  for (const container of containers) {
    if (!flagBool(flags, 'overwrite')) {
      for (const env of changes.set) {
        const current = container.env?.find((e) => e.name === env.name);
        if (current && current.value !== env.value) {
          throw new KubectlError(`error: ${target.type.resource}/${target.name} '${current.name}' already has a value (${current.value ?? ''}), and --overwrite is false`);
        }
      }
    }
    const env = updateEnv(container.env ?? [], changes);
    if (env.length > 0) container.env = env;
    else delete container.env;
    if (flagBool(flags, 'list')) await listEnv(ctx, target, container, flagBool(flags, 'resolve'));
  }
  return modified;
}

export const envCommand: Command = {
  name: 'env',
  summary: 'Update environment variables on a pod template',
  usage: 'kubectl set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N',
  flags: [
    { name: 'containers', short: 'c', type: 'string', default: '*' },
    { name: 'from', type: 'string', default: '' },
    { name: 'prefix', type: 'string', default: '' },
    { name: 'env', short: 'e', type: 'stringArray', default: [] },
    { name: 'keys', type: 'stringSlice', default: [] },
    { name: 'list', type: 'bool', default: false },
    { name: 'resolve', type: 'bool', default: false },
    { name: 'local', type: 'bool', default: false },
    { name: 'overwrite', type: 'bool', default: true },
    { name: 'field-manager', type: 'string', default: 'kubectl-set' },
    ...TARGET_FLAGS,
    ...CHANGE_PRINT_FLAGS,
    { name: 'dry-run', type: 'string', default: 'none' },
  ],
  async run(flags, ctx) {
    if (flagBool(flags, 'all') && flagString(flags, 'selector')) throw new KubectlError('error: cannot set --all and --selector at the same time');
    const split = splitEnvironmentFromResources(flags.args);
    if (!split) throw new KubectlError(`error: all resources must be specified before environment changes: ${flags.args.join(' ')}`);
    const format = changeFormatOf(flags);
    if (flagArray(flags, 'filename').length === 0 && split.resources.length === 0) {
      throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
    }
    if (flagBool(flags, 'list') && flagString(flags, 'output')) throw new KubectlError('error: --list and --output may not be specified together');
    if (flagArray(flags, 'keys').length > 0 && !flagString(flags, 'from')) throw new KubectlError('error: when specifying --keys, a configmap or secret must be provided with --from');
    const specs = [...flagArray(flags, 'env'), ...split.envArgs];
    const changes = parseEnvChanges(specs, specs.includes('-') ? await ctx.readFile('-') : '');
    changes.set.push(...(await fromReferences(ctx, flags)));
    const prefix = flagString(flags, 'prefix');
    if (prefix) changes.set = changes.set.map((env) => ({ ...env, name: `${prefix}${env.name}` }));
    const errors: unknown[] = [];
    const targets = await findTargets(ctx, flags, split.resources, errors, { all: true });
    const changed: { target: Target; modified: KubeObject }[] = [];
    for (const target of targets) {
      try {
        changed.push({ target, modified: await changedCopy(ctx, flags, target, changes) });
      } catch (error) {
        errors.push(error);
      }
    }
    if (flagBool(flags, 'list')) return reportErrors(ctx, errors);
    for (const { target, modified } of changed) {
      try {
        await sendPodSpecChange(ctx, flags, target, modified, 'env updated', format, (error) => new KubectlError(`error: failed to patch env update to pod template: ${describeError(error).message.replace(/^error: /, '')}`));
      } catch (error) {
        errors.push(error);
      }
    }
    return reportErrors(ctx, errors);
  },
};
