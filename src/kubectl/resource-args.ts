// What a command's resource arguments name, as kubectl's resource builder reads them:
// `pods`, `pods web db`, `pods,services`, `pod/web service/kubernetes`, `pods,services web`
// (each type with each name), or `all`.
// Upstream: staging/src/k8s.io/cli-runtime/pkg/resource/builder.go (ResourceTypeOrNameArgs).

import type { ResourceType } from '../api/scheme';
import { KubectlError } from './errors';
import type { ResourceMapper } from './resource-mapper';

/** One resource type with the names asked for (none means the whole collection). */
export interface ResourceSelection {
  type: ResourceType;
  names: string[];
}

/** The types of a comma-separated list, each once, in order. */
function typeList(text: string): string[] {
  return text.split(',').filter((type, i, all) => type !== '' && all.indexOf(type) === i);
}

/** `a,b x y` reads as `a/x a/y b/x b/y`, as the builder's normalizeMultipleResourcesArgs has it. */
function asTuples(args: readonly string[]): readonly string[] {
  if (args.length < 2) return args;
  const types = typeList(args[0]);
  if (types.length < 2) return args;
  return types.flatMap((type) => args.slice(1).map((name) => `${type}/${name}`));
}

export async function selectResources(mapper: ResourceMapper, given: readonly string[]): Promise<ResourceSelection[]> {
  if (given.length === 0) return [];
  const args = asTuples(given);
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw new KubectlError(
        "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    const selections: ResourceSelection[] = [];
    for (const arg of args) {
      const slash = arg.indexOf('/');
      const typeText = arg.slice(0, slash);
      const name = arg.slice(slash + 1);
      if (!name) throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
      const type = await mapper.resolve(typeText);
      const existing = selections.find((s) => s.type === type);
      if (existing) existing.names.push(name);
      else selections.push({ type, names: [name] });
    }
    return selections;
  }
  const [typeText, ...names] = args;
  const types: ResourceType[] = [];
  for (const text of typeList(typeText)) {
    const category = text === 'all' ? await mapper.category('all') : [];
    if (category.length > 0) types.push(...category);
    else types.push(await mapper.resolve(text));
  }
  const unique = types.filter((t, i) => types.indexOf(t) === i);
  if (names.length > 0 && unique.length > 1) {
    throw new KubectlError(`error: you must specify only one resource`);
  }
  return unique.map((type) => ({ type, names: [...names] }));
}
