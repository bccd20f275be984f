// kubectl set image: changes container images in pods and pod templates (deployments, replica
// sets, jobs) with a strategic merge patch; `*=IMAGE` sets every container.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go.

import type { PodSpec } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import { resourcePath } from '../../api/scheme';
import type { Command } from '../command';
import { describeError, KubectlError, UsageError } from '../errors';
import { flagString } from '../flags';
import { patchMetaFor } from '../patch-meta';
import { changeFormatOf } from '../printers/change-output';
import { printObjects } from '../printers/output';
import { kindName } from '../resource-mapper';
import { findTargets } from '../targets';
import { twoWayPatch } from './apply/three-way-patch';

/** The pod spec inside an object: a pod's own, or a workload's template. */
export function podSpecOf(object: KubeObject): PodSpec | undefined {
  if (object.kind === 'Pod') return object.spec as PodSpec | undefined;
  const template = (object.spec as { template?: { spec?: PodSpec } } | undefined)?.template;
  return template?.spec;
}

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

const imageCommand: Command = {
  name: 'image',
  summary: 'Update the image of a pod template',
  usage: 'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  flags: [
    { name: 'all', type: 'bool', default: false },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'filename', short: 'f', type: 'stringSlice', default: [] },
    { name: 'recursive', short: 'R', type: 'bool', default: false },
    { name: 'output', short: 'o', type: 'string', default: '' },
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
        const patch = twoWayPatch(target.object as unknown as Record<string, unknown>, modified as unknown as Record<string, unknown>, patchMetaFor(target.type));
        let result = modified;
        const dryRun = flagString(flags, 'dry-run');
        if (Object.keys(patch).length > 0 && dryRun !== 'client') {
          result = await ctx.client.send<KubeObject>({
            method: 'PATCH',
            path: resourcePath(target.type, target.namespace, target.name),
            query: { fieldManager: flagString(flags, 'field-manager'), ...(dryRun === 'server' ? { dryRun: 'All' } : {}) },
            body: patch,
            headers: { 'content-type': 'application/strategic-merge-patch+json' },
          });
        }
        if (format && format.kind !== 'name') ctx.stdout(await printObjects(format, [result], { single: true }));
        else ctx.stdout(`${kindName(target.type)}/${target.name}${format ? '' : ' image updated'}\n`);
      } catch (error) {
        errors.push(error);
      }
    }
    for (const error of errors) ctx.stderr(`${describeError(error).message}\n`);
    return errors.length > 0 ? 1 : 0;
  },
};

export const setCommand: Command = {
  name: 'set',
  summary: 'Set specific features on objects',
  usage: 'kubectl set SUBCOMMAND [options]',
  flags: [],
  subcommands: [imageCommand],
};
