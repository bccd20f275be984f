// kubectl wait: until objects meet a condition (`condition=Ready`, `condition=Available=false`),
// a JSONPath value (`jsonpath={.status.phase}=Running`), or are deleted; prints
// `condition met` or `deleted` per object, or times out (--timeout, default 30s).
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go.

import type { KubeObject } from '../../api/meta';
import type { Command } from '../command';
import { describeError, KubectlError } from '../errors';
import { flagNumber, flagString } from '../flags';
import { waitUntil } from '../deadline';
import { compileJsonPath, relaxedJsonPath } from '../jsonpath/evaluate';
import { kindName } from '../resource-mapper';
import { findTargets } from '../targets';

type Condition = { kind: 'delete' } | { kind: 'condition'; name: string; value: string } | { kind: 'jsonpath'; path: string; value?: string };

function parseFor(text: string): Condition {
  if (text === 'delete') return { kind: 'delete' };
  if (text.startsWith('condition=')) {
    const [name, value] = text.slice('condition='.length).split('=');
    return { kind: 'condition', name, value: value ?? 'true' };
  }
  if (text.startsWith('jsonpath=')) {
    const spec = text.slice('jsonpath='.length);
    const close = spec.lastIndexOf('}');
    const path = close >= 0 ? spec.slice(0, close + 1) : spec.split('=')[0];
    const rest = spec.slice(path.length);
    return { kind: 'jsonpath', path: relaxedJsonPath(path.replace(/^'|'$/g, '')), value: rest.startsWith('=') ? rest.slice(1) : undefined };
  }
  throw new KubectlError(`error: unrecognized condition: "${text}"`);
}

function met(condition: Condition, object: KubeObject | undefined): boolean {
  if (condition.kind === 'delete') return object === undefined;
  if (!object) return false;
  if (condition.kind === 'condition') {
    const conditions = ((object.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []);
    const found = conditions.find((c) => c.type.toLowerCase() === condition.name.toLowerCase());
    return found !== undefined && found.status.toLowerCase() === condition.value.toLowerCase();
  }
  const values = compileJsonPath(condition.path).findResults(object).flat();
  if (condition.value === undefined) return values.length > 0;
  return values.length > 0 && values.every((v) => String(v) === condition.value);
}

export const waitCommand: Command = {
  name: 'wait',
  summary: 'Experimental: Wait for a specific condition on one or many resources',
  usage: "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]]",
  flags: [
    { name: 'for', type: 'string', default: '' },
    { name: 'timeout', type: 'duration', default: 30_000 },
    { name: 'all', type: 'bool', default: false },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'field-selector', type: 'string', default: '' },
    { name: 'filename', short: 'f', type: 'stringSlice', default: [] },
    { name: 'recursive', short: 'R', type: 'bool', default: false },
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'local', type: 'bool', default: false },
  ],
  async run(flags, ctx) {
    const forText = flagString(flags, 'for');
    if (!forText) throw new KubectlError('error: --for must be specified');
    const condition = parseFor(forText);
    const timeout = flagNumber(flags, 'timeout') ?? 30_000;
    const errors: unknown[] = [];
    const targets = await findTargets(ctx, flags, flags.args, errors, { all: true });
    if (targets.length === 0 && errors.length === 0) throw new KubectlError('error: no matching resources found');
    if (condition.kind === 'delete') {
      for (const error of errors) if ((error as { code?: number }).code !== 404) throw error;
      errors.length = 0;
    }
    for (const error of errors) throw error;
    for (const target of targets) {
      const shown = `${target.type.resource}${target.type.group ? `.${target.type.group}` : ''}/${target.name}`;
      try {
        await waitUntil(ctx, target, timeout, `error: timed out waiting for the condition on ${shown}`, (object) => met(condition, object));
        ctx.stdout(`${kindName(target.type)}/${target.name} ${condition.kind === 'delete' ? 'deleted' : 'condition met'}\n`);
      } catch (error) {
        ctx.stderr(`${describeError(error).message}\n`);
        return 1;
      }
    }
    return 0;
  },
};
