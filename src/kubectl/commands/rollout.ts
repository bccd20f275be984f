// kubectl rollout: status (waits for a deployment's rollout, printing each new stage), history
// (its revisions), undo (back to a revision's pod template, client-side from the replica sets),
// restart (a new restartedAt template annotation), pause and resume.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/rollout and pkg/polymorphichelpers.

import type { Deployment } from '../../api/apps';
import type { KubeObject } from '../../api/meta';
import { resourcePath } from '../../api/scheme';
import type { Command } from '../command';
import type { KubectlContext } from '../context';
import { waitUntil } from '../deadline';
import { describeError, KubectlError } from '../errors';
import { flagBool, flagNumber, type ParsedFlags } from '../flags';
import { kindName } from '../resource-mapper';
import { GET_TABS, TabWriter } from '../tabwriter';
import { findTargets, SELECTION_FLAGS, type Target } from '../targets';
import { podTemplateText } from '../describe/pod-template';
import { CHANGE_PRINT_FLAGS, changeFormatOf, printChanged } from '../printers/change-output';
import { dryRunOf, type DryRun } from './create/submit';
import { CHANGE_CAUSE, REVISION, revisionsOf } from './rollout/revisions';

/** What each subcommand says about kinds it cannot handle. */
const UNSUPPORTED: Record<string, (target: Target) => string> = {
  status: (t) => `error: no status viewer has been implemented for ${t.object.kind}`,
  history: (t) => `error: no history viewer has been implemented for "${t.object.kind}"`,
  undo: (t) => `error: no rollbacker has been implemented for "${t.object.kind}"`,
  restart: (t) => `error: ${qualified(t)} "${t.name}" restarting is not supported`,
  pause: (t) => `error: ${qualified(t)} "${t.name}" pausing is not supported`,
  resume: (t) => `error: ${qualified(t)} "${t.name}" resuming is not supported`,
};

function qualified(target: Target): string {
  return target.type.group ? `${target.type.resource}.${target.type.group}` : target.type.resource;
}

function deploymentsOnly(target: Target, subcommand: string): Deployment {
  if (target.type.group !== 'apps' || target.type.resource !== 'deployments') throw new KubectlError(UNSUPPORTED[subcommand](target));
  return target.object as Deployment;
}

/** The line `rollout status` prints for a deployment, and whether the rollout is done. */
export function deploymentStatus(deployment: Deployment): { message: string; done: boolean } {
  const name = deployment.metadata.name ?? '';
  const status = deployment.status ?? { replicas: 0 };
  const generation = deployment.metadata.generation ?? 0;
  if (generation > (status.observedGeneration ?? 0)) return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  const progressing = status.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') throw new KubectlError(`error: deployment "${name}" exceeded its progress deadline`);
  const wanted = deployment.spec.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  const replicas = status.replicas ?? 0;
  const available = status.availableReplicas ?? 0;
  if (updated < wanted) return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${wanted} new replicas have been updated...\n`, done: false };
  if (replicas > updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${replicas - updated} old replicas are pending termination...\n`, done: false };
  if (available < updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...\n`, done: false };
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}

function rolloutSubcommand(name: string, summary: string, extraFlags: Command['flags'], act: (ctx: KubectlContext, flags: ParsedFlags, target: Target) => Promise<void>): Command {
  return {
    name,
    summary,
    usage: `kubectl rollout ${name} RESOURCE`,
    flags: [...SELECTION_FLAGS, ...extraFlags],
    async run(flags, ctx) {
      if (flags.args.length === 0 && (flags.values.get('filename') as string[]).length === 0) throw new KubectlError('error: required resource not specified');
      const errors: unknown[] = [];
      const targets = await findTargets(ctx, flags, flags.args, errors);
      for (const target of targets) {
        try {
          await act(ctx, flags, target);
        } catch (error) {
          errors.push(error);
        }
      }
      for (const error of errors) ctx.stderr(`${describeError(error).message}\n`);
      return errors.length > 0 ? 1 : 0;
    },
  };
}

async function patchDeployment(ctx: KubectlContext, target: Target, patch: unknown, type = 'application/strategic-merge-patch+json', dryRun: DryRun = 'none'): Promise<KubeObject> {
  const query: Record<string, string> = { fieldManager: 'kubectl-rollout', ...(dryRun === 'server' ? { dryRun: 'All' } : {}) };
  return ctx.client.send<KubeObject>({ method: 'PATCH', path: resourcePath(target.type, target.namespace, target.name), query, body: patch, headers: { 'content-type': type } });
}

/** Prints what a subcommand did to `object`; its printer is made only now, after the change, as upstream's is. */
async function printDone(ctx: KubectlContext, flags: ParsedFlags, object: KubeObject, operation: string, dryRun: DryRun = 'none'): Promise<void> {
  ctx.stdout(await printChanged(changeFormatOf(flags), object, operation, dryRun));
}

const statusCommand = rolloutSubcommand('status', 'Show the status of the rollout', [{ name: 'watch', short: 'w', type: 'bool', default: true }, { name: 'timeout', type: 'duration', default: 0 }, { name: 'revision', type: 'int', default: 0 }], async (ctx, flags, target) => {
  deploymentsOnly(target, 'status');
  let last = '';
  const show = (object: KubeObject | undefined) => {
    if (!object) throw new KubectlError(`error: deployments.apps "${target.name}" not found`);
    const { message, done } = deploymentStatus(object as Deployment);
    if (message !== last) ctx.stdout(message);
    last = message;
    return done || !flagBool(flags, 'watch');
  };
  const timeout = flagNumber(flags, 'timeout') ?? 0;
  await waitUntil(ctx, target, timeout > 0 ? timeout : Number.MAX_SAFE_INTEGER, 'error: timed out waiting for the condition', show);
});

const historyCommand = rolloutSubcommand('history', 'View rollout history', [{ name: 'revision', type: 'int', default: 0 }, { name: 'output', short: 'o', type: 'string', default: '' }], async (ctx, flags, target) => {
  const deployment = deploymentsOnly(target, 'history');
  const revisions = await revisionsOf(ctx, deployment);
  const wanted = flagNumber(flags, 'revision') ?? 0;
  if (wanted > 0) {
    const found = revisions.find((r) => r.revision === wanted);
    if (!found) throw new KubectlError(`error: unable to find the specified revision`);
    const clock = { now: ctx.now(), offset: ctx.timezoneOffset };
    ctx.stdout(`${kindName(target.type)}/${target.name} with revision #${wanted}\n${podTemplateText(found.replicaSet.spec.template, clock)}\n`);
    return;
  }
  if (revisions.length === 0) {
    ctx.stdout('No rollout history found.\n');
    return;
  }
  const tabs = new TabWriter({ ...GET_TABS, minWidth: 0, padding: 2 });
  tabs.write('REVISION\tCHANGE-CAUSE\n');
  for (const r of revisions) tabs.write(`${r.revision}\t${r.replicaSet.metadata.annotations?.[CHANGE_CAUSE] ?? '<none>'}\n`);
  ctx.stdout(`${kindName(target.type)}/${target.name} \n${tabs.flush()}\n`);
});

const undoCommand = rolloutSubcommand('undo', 'Undo a previous rollout', [{ name: 'to-revision', type: 'int', default: 0 }, { name: 'dry-run', type: 'string', default: 'none' }, ...CHANGE_PRINT_FLAGS], async (ctx, flags, target) => {
  const dryRun = dryRunOf(flags);
  const deployment = deploymentsOnly(target, 'undo');
  if (deployment.spec.paused) throw new KubectlError(`error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`);
  const revisions = await revisionsOf(ctx, deployment);
  const toRevision = flagNumber(flags, 'to-revision') ?? 0;
  const current = Number(deployment.metadata.annotations?.[REVISION] ?? '0');
  const previous = revisions.filter((r) => r.revision !== current);
  const chosen = toRevision > 0 ? revisions.find((r) => r.revision === toRevision) : previous[previous.length - 1];
  if (!chosen) throw new KubectlError(toRevision > 0 ? `error: unable to find specified revision ${toRevision} in history` : 'error: no rollout history found for deployment "' + target.name + '"');
  const template = structuredClone(chosen.replicaSet.spec.template);
  if (template?.metadata?.labels) delete template.metadata.labels['pod-template-hash'];
  const live = structuredClone(deployment.spec.template);
  if (JSON.stringify(template) === JSON.stringify(live)) {
    await printDone(ctx, flags, deployment, `skipped rollback (current template already matches revision ${chosen.revision})`, dryRun);
    return;
  }
  if (dryRun === 'client') {
    // Upstream's rollbacker answers a client dry run with the revision's template, printed as the operation.
    await printDone(ctx, flags, deployment, podTemplateText(chosen.replicaSet.spec.template, { now: ctx.now(), offset: ctx.timezoneOffset }), dryRun);
    return;
  }
  await patchDeployment(ctx, target, [{ op: 'replace', path: '/spec/template', value: template }], 'application/json-patch+json', dryRun);
  await printDone(ctx, flags, deployment, 'rolled back', dryRun);
});

const restartCommand = rolloutSubcommand('restart', 'Restart a resource', CHANGE_PRINT_FLAGS, async (ctx, flags, target) => {
  const deployment = deploymentsOnly(target, 'restart');
  if (deployment.spec.paused) throw new KubectlError(`error: can't restart paused deployment (run rollout resume first)`);
  const restartedAt = new Date(ctx.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const restarted = await patchDeployment(ctx, target, { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } } } } });
  await printDone(ctx, flags, restarted, 'restarted');
});

function pauseCommand(name: 'pause' | 'resume', paused: boolean): Command {
  return rolloutSubcommand(name, paused ? 'Mark the provided resource as paused' : 'Resume a paused resource', CHANGE_PRINT_FLAGS, async (ctx, flags, target) => {
    const deployment = deploymentsOnly(target, name);
    if ((deployment.spec.paused === true) === paused) throw new KubectlError(`error: ${target.type.resource}.${target.type.group} "${target.name}" is ${paused ? 'already paused' : 'not paused'}`);
    const patched = await patchDeployment(ctx, target, { spec: { paused: paused ? true : null } });
    await printDone(ctx, flags, patched, paused ? 'paused' : 'resumed');
  });
}

export const rolloutCommand: Command = {
  name: 'rollout',
  summary: 'Manage the rollout of a resource',
  usage: 'kubectl rollout SUBCOMMAND',
  flags: [],
  subcommands: [historyCommand, pauseCommand('pause', true), restartCommand, pauseCommand('resume', false), statusCommand, undoCommand],
};
