// kubectl cordon and uncordon: mark nodes unschedulable or schedulable again with a patch of
// spec.unschedulable, saying `already cordoned` when there is nothing to do.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go (RunCordonOrUncordon).

import type { Node } from '../../api/core';
import { findResource, resourcePath } from '../../api/scheme';
import type { Command } from '../command';
import type { KubectlContext } from '../context';
import { describeError, UsageError } from '../errors';
import { flagString } from '../flags';
import { findTargets } from '../targets';

const NODES = findResource('', 'v1', 'nodes')!;

/** Cordons (or uncordons) one node; returns the line kubectl prints. */
export async function setSchedulable(ctx: KubectlContext, node: Node, unschedulable: boolean, dryRun: string): Promise<string> {
  const name = node.metadata.name ?? '';
  const verb = unschedulable ? 'cordoned' : 'uncordoned';
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  if ((node.spec?.unschedulable === true) === unschedulable) return `node/${name} already ${verb}${suffix}\n`;
  if (dryRun !== 'client') {
    await ctx.client.send({
      method: 'PATCH',
      path: resourcePath(NODES, undefined, name),
      query: dryRun === 'server' ? { dryRun: 'All' } : {},
      body: { spec: { unschedulable: unschedulable ? true : null } },
      headers: { 'content-type': 'application/strategic-merge-patch+json' },
    });
  }
  return `node/${name} ${verb}${suffix}\n`;
}

function schedulingCommand(name: 'cordon' | 'uncordon', unschedulable: boolean): Command {
  return {
    name,
    summary: unschedulable ? 'Mark node as unschedulable' : 'Mark node as schedulable',
    usage: `kubectl ${name} NODE`,
    flags: [
      { name: 'selector', short: 'l', type: 'string', default: '' },
      { name: 'dry-run', type: 'string', default: 'none' },
    ],
    async run(flags, ctx) {
      if (flags.args.length === 0 && !flagString(flags, 'selector')) throw new UsageError(`USAGE: ${name} NODE [flags]`, name);
      const errors: unknown[] = [];
      const targets = await findTargets(ctx, flags, flags.args.length > 0 ? ['nodes', ...flags.args] : ['nodes'], errors);
      for (const target of targets) {
        try {
          ctx.stdout(await setSchedulable(ctx, target.object as Node, unschedulable, flagString(flags, 'dry-run')));
        } catch (error) {
          errors.push(error);
        }
      }
      for (const error of errors) ctx.stderr(`${describeError(error).message}\n`);
      return errors.length > 0 ? 1 : 0;
    },
  };
}

export const cordonCommand = schedulingCommand('cordon', true);
export const uncordonCommand = schedulingCommand('uncordon', false);
