// kubectl set image: changes container images in pods and pod templates (deployments, replica
// sets, jobs) with a strategic merge patch; `*=IMAGE` sets every container.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go.

import type { Command } from '../../command';
import { describeError, KubectlError, UsageError } from '../../errors';
import { CHANGE_PRINT_FLAGS, changeFormatOf } from '../../printers/change-output';
import { kindName } from '../../resource-mapper';
import { findTargets, TARGET_FLAGS } from '../../targets';
import { sendPodSpecChange } from './patch-pod-spec';
import { podSpecOf } from './pod-spec';

function splitImageArgs(args: string[]): { resources: string[]; images: Record<string, string> } {
  const resources: string[] = [];
  const images: Record<string, string> = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq > 0) images[arg.slice(0, eq)] = arg.slice(eq + 1);
    else resources.push(arg);
  }
  return { resources, images };
}

export const imageCommand: Command = {
  name: 'image',
  summary: 'Update the image of a pod template',
  usage: 'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  flags: [
    ...TARGET_FLAGS,
    ...CHANGE_PRINT_FLAGS,
    { name: 'dry-run', type: 'string', default: 'none' },
    { name: 'local', type: 'bool', default: false },
    { name: 'field-manager', type: 'string', default: 'kubectl-set' },
  ],
  async run(flags, ctx) {
    const { resources, images } = splitImageArgs(flags.args);
    if (Object.keys(images).length === 0) throw new UsageError('at least one image update is required', 'set image');
    const format = changeFormatOf(flags);
    const errors: unknown[] = [];
    const targets = await findTargets(ctx, flags, resources, errors, { all: true });
    for (const target of targets) {
      try {
        const modified = structuredClone(target.object);
        const spec = podSpecOf(modified);
        if (!spec) throw new KubectlError(`error: ${kindName(target.type)}/${target.name} does not have a pod template`);
        const containers = [...(spec.initContainers ?? []), ...spec.containers];
        for (const [name, image] of Object.entries(images)) {
          const matching = containers.filter((c) => name === '*' || c.name === name);
          if (matching.length === 0) throw new KubectlError(`error: unable to find container named "${name}"`);
          for (const container of matching) container.image = image;
        }
        await sendPodSpecChange(ctx, flags, target, modified, 'image updated', format);
      } catch (error) {
        errors.push(error);
      }
    }
    for (const error of errors) ctx.stderr(`${describeError(error).message}\n`);
    return errors.length > 0 ? 1 : 0;
  },
};
