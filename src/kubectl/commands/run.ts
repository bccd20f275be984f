// kubectl run: creates a pod named NAME running IMAGE, labelled run=NAME, with optional port,
// labels, env, restart policy, command and args, and --overrides applied over it (run/overrides.ts);
// --dry-run=client prints it instead; with --attach, -i or -t it attaches to the pod (see
// run/attach.ts) and --rm deletes it after. Upstream:
// staging/src/k8s.io/kubectl/pkg/cmd/run/run.go and generate/versioned/run.go.

import type { Container, Pod } from '../../api/core';
import type { EnvVar } from '../../api/core-container';
import { checkEnvVarName } from '../../api/validation/names';
import { findResource, resourcePath } from '../../api/scheme';
import { namespaceOf, type Command } from '../command';
import { KubectlError, UsageError } from '../errors';
import { flagArray, flagBool, flagNumber, flagString, type ParsedFlags } from '../flags';
import type { KubectlContext } from '../context';
import { attachToRun } from './run/attach';
import { applyOverrides } from './run/overrides';
import { changeFormatOf } from '../printers/change-output';
import { printObjects } from '../printers/output';

const PODS = findResource('', 'v1', 'pods')!;

function parseKeyValues(items: string[], what: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new KubectlError(`error: invalid ${what}: ${item}`);
    result[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return result;
}

/** --env NAME=VALUE values in order, repeats kept (the server warns about them); a name that is not an env var name is refused. */
function parseRunEnv(items: string[]): EnvVar[] {
  return items.map((item) => {
    const eq = item.indexOf('=');
    const name = item.slice(0, eq);
    if (eq <= 0 || checkEnvVarName(name).length > 0) throw new KubectlError(`error: invalid env: ${item}`);
    const value = item.slice(eq + 1);
    return value ? { name, value } : { name };
  });
}

/** Attaches to the new pod, then deletes it with --rm (also when attaching failed; a pod already gone is fine). */
async function attachAndClean(ctx: KubectlContext, flags: ParsedFlags, pod: Pod, remove: boolean): Promise<number> {
  try {
    return await attachToRun(ctx, pod, {
      stdin: flagBool(flags, 'stdin'),
      tty: flagBool(flags, 'tty'),
      quiet: flagBool(flags, 'quiet'),
      leaveStdinOpen: flagBool(flags, 'leave-stdin-open'),
      restartPolicy: pod.spec.restartPolicy ?? 'Always',
      timeoutMs: flagNumber(flags, 'pod-running-timeout') ?? 60_000,
    });
  } finally {
    if (remove) {
      const deleted = await ctx.client.delete(PODS, pod.metadata.namespace, pod.metadata.name ?? '', { propagationPolicy: 'Background' }).then(
        () => true,
        (error: unknown) => {
          if ((error as { code?: number }).code === 404) return false;
          throw error;
        },
      );
      if (deleted && !flagBool(flags, 'quiet')) ctx.stdout(`pod "${pod.metadata.name}" deleted\n`);
    }
  }
}

export const runCommand: Command = {
  name: 'run',
  summary: 'Run a particular image on the cluster',
  usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  requiredFlags: ['image'],
  flags: [
    { name: 'image', type: 'string', default: '' },
    { name: 'port', type: 'string', default: '' },
    { name: 'labels', short: 'l', type: 'string', default: '' },
    { name: 'env', type: 'stringArray', default: [] },
    { name: 'restart', type: 'string', default: 'Always' },
    { name: 'command', type: 'bool', default: false },
    { name: 'dry-run', type: 'string', default: 'none' },
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'image-pull-policy', type: 'string', default: '' },
    { name: 'annotations', type: 'stringArray', default: [] },
    { name: 'stdin', short: 'i', type: 'bool', default: false },
    { name: 'tty', short: 't', type: 'bool', default: false },
    { name: 'rm', type: 'bool', default: false },
    { name: 'attach', type: 'bool', default: false },
    { name: 'leave-stdin-open', type: 'bool', default: false },
    { name: 'quiet', short: 'q', type: 'bool', default: false },
    { name: 'serviceaccount', type: 'string', default: '' },
    { name: 'expose', type: 'bool', default: false },
    { name: 'override-type', type: 'string', default: 'merge' },
    { name: 'overrides', type: 'string', default: '' },
    { name: 'privileged', type: 'bool', default: false },
    { name: 'pod-running-timeout', type: 'duration' },
    { name: 'field-manager', type: 'string', default: 'kubectl-run' },
  ],
  async run(flags, ctx) {
    const name = flags.args[0];
    if (!name || (flags.dashIndex === 0 && flags.args.length > 0)) throw new UsageError('NAME is required for run', 'run');
    const image = flagString(flags, 'image');
    const restart = flagString(flags, 'restart');
    if (flagBool(flags, 'tty') && !flagBool(flags, 'stdin')) throw new UsageError('-i/--stdin is required for containers with -t/--tty=true', 'run');
    if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new KubectlError(`error: invalid restart policy: ${restart}`);
    const rest = flags.args.slice(1);
    const container: Container = { name, image, resources: {} };
    if (rest.length > 0) {
      if (flagBool(flags, 'command')) container.command = rest;
      else container.args = rest;
    }
    const port = flagString(flags, 'port');
    if (port) {
      const number = Number(port);
      if (!Number.isInteger(number)) throw new KubectlError(`error: strconv.Atoi: parsing "${port}": invalid syntax`);
      container.ports = [{ containerPort: number }];
    }
    const env = flagArray(flags, 'env');
    if (env.length > 0) container.env = parseRunEnv(env);
    const pullPolicy = flagString(flags, 'image-pull-policy');
    if (pullPolicy) container.imagePullPolicy = pullPolicy;
    if (flagBool(flags, 'stdin')) {
      container.stdin = true;
      if (!flagBool(flags, 'leave-stdin-open')) container.stdinOnce = true;
    }
    if (flagBool(flags, 'tty')) container.tty = true;
    const labels = flagString(flags, 'labels') ? parseKeyValues(flagString(flags, 'labels').split(','), 'label spec') : { run: name };
    let pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { creationTimestamp: null as unknown as string, labels, name },
      spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
      status: {},
    };
    const annotations = flagArray(flags, 'annotations');
    if (annotations.length > 0) pod.metadata.annotations = parseKeyValues(annotations, 'annotation');
    if (flagString(flags, 'serviceaccount')) pod.spec.serviceAccountName = flagString(flags, 'serviceaccount');
    const overrides = flagString(flags, 'overrides');
    if (overrides) pod = applyOverrides(pod, overrides, flagString(flags, 'override-type'));
    const dryRun = flagString(flags, 'dry-run');
    const format = changeFormatOf(flags);
    const attach = flagBool(flags, 'attach') || flagBool(flags, 'stdin');
    const remove = flagBool(flags, 'rm');
    if (remove && !attach) throw new UsageError('--rm should only be used for attached containers', 'run');
    if (attach && dryRun !== 'none') throw new UsageError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)", 'run');
    if (dryRun === 'client') {
      ctx.stdout(format ? await printObjects(format, [pod], { single: true, typed: true }) : `pod/${name} created (dry run)\n`);
      return 0;
    }
    const { creationTimestamp: _ignored, ...metadata } = pod.metadata;
    const created = await ctx.client.send<Pod>({
      method: 'POST',
      path: resourcePath(PODS, namespaceOf(flags, ctx)),
      query: dryRun === 'server' ? { dryRun: 'All', fieldManager: 'kubectl-run' } : { fieldManager: 'kubectl-run' },
      body: { ...pod, metadata },
      headers: { 'content-type': 'application/json' },
    });
    if (attach) return attachAndClean(ctx, flags, created, remove);
    if (format) ctx.stdout(await printObjects(format, [created], { single: true, typed: true }));
    else ctx.stdout(`pod/${name} created${dryRun === 'server' ? ' (server dry run)' : ''}\n`);
    return 0;
  },
};
