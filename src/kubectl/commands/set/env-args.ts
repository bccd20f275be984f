// What `kubectl set env` reads from its arguments and does to a container's env: resources come
// first, then KEY=VALUE to set and KEY- to remove (-e too); keys checked as env var names; a
// set replaces the variable where it stands or is added at the end; containers picked by a
// glob. Upstream: staging/src/k8s.io/kubectl/pkg/cmd/set/env/env_parse.go and set_env.go.

import type { Container, EnvVar } from '../../../api/core-container';
import { checkEnvVarName } from '../../../api/validation/names';
import { KubectlError } from '../../errors';

export interface EnvChanges {
  set: EnvVar[];
  remove: string[];
}

const isEnvArgument = (arg: string) => /^.+=/s.test(arg) || arg.endsWith('-');

/** Resources before the first env argument, env arguments after; undefined when they mix. */
export function splitEnvironmentFromResources(args: readonly string[]): { resources: string[]; envArgs: string[] } | undefined {
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const arg of args) {
    if (isEnvArgument(arg)) envArgs.push(arg);
    else if (envArgs.length === 0) resources.push(arg);
    else return undefined;
  }
  return { resources, envArgs };
}

/** `KEY=VALUE` lines of an env file (`-e -` reads one from stdin); `#` starts a comment. */
function envFileLines(text: string): EnvVar[] {
  return text.split('\n').flatMap((line) => {
    const spec = line.split('#')[0];
    const eq = spec.indexOf('=');
    return eq < 0 ? [] : [{ name: spec.slice(0, eq), value: spec.slice(eq + 1) }];
  });
}

/** The changes the specs ask for; `stdin` is what a `-` spec reads. */
export function parseEnvChanges(specs: readonly string[], stdin: string): EnvChanges {
  const changes: EnvChanges = { set: [], remove: [] };
  for (const spec of specs) {
    if (spec === '-') {
      changes.set.push(...envFileLines(stdin));
      continue;
    }
    const eq = spec.indexOf('=');
    if (eq >= 0) {
      const name = spec.slice(0, eq);
      const problems = checkEnvVarName(name);
      if (problems.length > 0) throw new KubectlError(`error: ${JSON.stringify(name)} is not a valid key name: ${problems.join(';')}`);
      changes.set.push({ name, value: spec.slice(eq + 1) });
    } else if (spec.endsWith('-')) {
      changes.remove.push(spec.slice(0, -1));
    } else {
      throw new KubectlError(`error: unknown environment variable: ${spec}`);
    }
  }
  if (changes.remove.some((name) => changes.set.some((env) => env.name === name))) {
    throw new KubectlError('error: can not both modify and remove the same environment variable in the same command');
  }
  return changes;
}

/** A config map or secret key as an env var name: upper case, other characters as `_`. */
export function keyToEnvName(key: string): string {
  return key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();
}

/** The env after the changes: set variables replace theirs in place (the first set wins) or are appended. */
export function updateEnv(existing: readonly EnvVar[], changes: EnvChanges): EnvVar[] {
  const covered = new Set(changes.remove);
  const out: EnvVar[] = [];
  for (const env of existing) {
    if (covered.has(env.name)) continue;
    const newer = changes.set.find((e) => e.name === env.name);
    if (newer) covered.add(env.name);
    out.push(newer ?? env);
  }
  for (const env of changes.set) {
    if (covered.has(env.name)) continue;
    covered.add(env.name);
    out.push(env);
  }
  return out;
}

function globPattern(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') pattern += '[^/]*';
    else if (ch === '?') pattern += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) return /$^/;
      const body = glob.slice(i + 1, end);
      pattern += `[${body.startsWith('^') ? `^${body.slice(1)}` : body}]`;
      i = end;
    } else pattern += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

/** The containers whose names match `glob` (filepath.Match), in order. */
export function selectContainers(containers: readonly Container[], glob: string): Container[] {
  const pattern = globPattern(glob);
  return containers.filter((container) => pattern.test(container.name));
}
