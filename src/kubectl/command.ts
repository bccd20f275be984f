// The shape of a kubectl command and the flags every command accepts (kubectl's persistent
// flags: namespace, kubeconfig, context, verbosity…), plus helpers commands share.

import type { KubectlContext } from './context';
import { flagString, type FlagSpec, type ParsedFlags } from './flags';

export interface Command {
  name: string;
  aliases?: string[];
  /** One line for `kubectl --help`. */
  summary: string;
  /** Usage line(s) and examples for `kubectl <command> --help`. */
  usage: string;
  flags: FlagSpec[];
  /** Flags cobra requires before the command runs (`run --image`). */
  requiredFlags?: string[];
  /** Subcommands (`rollout status`, `create deployment`), chosen by the first argument. */
  subcommands?: Command[];
  /** Runs the command; a group of subcommands without it prints its help. */
  run?(flags: ParsedFlags, ctx: KubectlContext): Promise<number>;
}

/** The flag names that take a value, for finding a subcommand among the arguments. */
export function valueFlagNames(flags: readonly FlagSpec[]): Set<string> {
  return new Set(flags.filter((f) => f.type !== 'bool').flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));
}

export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', default: '' },
  { name: 'kubeconfig', type: 'string', default: '' },
  { name: 'context', type: 'string', default: '' },
  { name: 'cluster', type: 'string', default: '' },
  { name: 'user', type: 'string', default: '' },
  { name: 'server', short: 's', type: 'string', default: '' },
  { name: 'token', type: 'string', default: '' },
  { name: 'request-timeout', type: 'string', default: '0' },
  { name: 'v', short: 'v', type: 'string', default: '0' },
  { name: 'insecure-skip-tls-verify', type: 'bool', default: false },
  { name: 'as', type: 'string', default: '' },
  { name: 'warnings-as-errors', type: 'bool', default: false },
  { name: 'help', short: 'h', type: 'bool', default: false },
];

/** The namespace a command works in: `-n`, else the context's. */
export function namespaceOf(flags: ParsedFlags, ctx: KubectlContext): string {
  return flagString(flags, 'namespace') || ctx.namespace;
}
