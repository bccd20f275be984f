// kubectl scale: sets the replicas of deployments and replica sets through their scale
// subresource, optionally only when the current count matches (--current-replicas); -o prints
// each object as read before it was scaled, as upstream does.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go and pkg/scale/scale.go.

import { resourcePath } from '../../api/scheme';
import type { Command } from '../command';
import { describeError, KubectlError } from '../errors';
import { flagNumber } from '../flags';
import { CHANGE_PRINT_FLAGS, changeFormatOf, printChanged } from '../printers/change-output';
import { findTargets, TARGET_FLAGS } from '../targets';
import { dryRunOf } from './create/submit';

interface Scale {
  spec?: { replicas?: number };
  status?: { replicas?: number };
}

export const scaleCommand: Command = {
  name: 'scale',
  summary: 'Set a new size for a deployment, replica set, or replication controller',
  usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  requiredFlags: ['replicas'],
  flags: [
    { name: 'replicas', type: 'int', default: 0 },
    { name: 'current-replicas', type: 'int', default: -1 },
    { name: 'resource-version', type: 'string', default: '' },
    ...TARGET_FLAGS,
    ...CHANGE_PRINT_FLAGS,
    { name: 'dry-run', type: 'string', default: 'none' },
    { name: 'timeout', type: 'duration' },
  ],
  async run(flags, ctx) {
    const replicas = flagNumber(flags, 'replicas') ?? 0;
    if (replicas < 0) throw new KubectlError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    const format = changeFormatOf(flags);
    const dryRun = dryRunOf(flags);
    const errors: unknown[] = [];
    const targets = await findTargets(ctx, flags, flags.args, errors, { all: true });
    if (targets.length === 0 && errors.length > 0) throw new KubectlError(`error: no objects passed to scale ${describeError(errors[0]).message.replace(/^Error from server \(NotFound\): /, '')}`);
    const current = flagNumber(flags, 'current-replicas') ?? -1;
    for (const target of targets) {
      const path = resourcePath(target.type, target.namespace, target.name, 'scale');
      try {
        if (current >= 0) {
          const scale = await ctx.client.send<Scale>({ method: 'GET', path });
          if ((scale.spec?.replicas ?? 0) !== current) throw new KubectlError(`error: Expected replicas to be ${current}, was ${scale.spec?.replicas ?? 0}`);
        }
        const query: Record<string, string> = dryRun === 'server' ? { dryRun: 'All' } : {};
        if (dryRun !== 'client') {
          await ctx.client.send({ method: 'PATCH', path, query, body: { spec: { replicas } }, headers: { 'content-type': 'application/merge-patch+json' } });
        }
        ctx.stdout(await printChanged(format, target.object, 'scaled', dryRun));
      } catch (error) {
        errors.push(error);
      }
    }
    for (const error of errors) ctx.stderr(`${describeError(error).message}\n`);
    return errors.length > 0 ? 1 : 0;
  },
};
