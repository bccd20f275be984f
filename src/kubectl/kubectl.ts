// kubetab's kubectl: finds the command (and subcommand) in argv (global flags may come first),
// loads it, parses its flags with pflag's rules, runs it, and reports failures as kubectl does,
// returning the exit code. Commands are thin clients of the API server, like the real kubectl.

import { GLOBAL_FLAGS, valueFlagNames, type Command } from './command';
import type { KubectlContext } from './context';
import { describeError } from './errors';
import { FlagError, parseFlags } from './flags';
import { klogHeader } from '../util/klog';
import { COMMANDS, type CommandEntry } from './commands';

const VALUE_GLOBALS = valueFlagNames(GLOBAL_FLAGS);

function findEntry(name: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
}

/** Levenshtein distance, for cobra's "Did you mean this?" suggestions. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

function suggestions(name: string): string[] {
  return COMMANDS.filter((c) => distance(name, c.name) <= 2 || c.name.startsWith(name)).map((c) => c.name);
}

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 4;
  const groups = [...new Set(COMMANDS.map((c) => c.group))];
  const sections = groups.map((group) => `${group}:\n${COMMANDS.filter((c) => c.group === group).map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}\n`);
  return `kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n${sections.join('\n')}\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\n`;
}

function commandHelp(command: Command, path: string): string {
  const subcommands = command.subcommands ?? [];
  const width = Math.max(0, ...subcommands.map((c) => c.name.length)) + 2;
  const available = subcommands.length > 0 ? `\nAvailable Commands:\n${subcommands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}\n` : '';
  const options = command.flags.length > 0 ? `\nOptions:\n${command.flags.map((f) => `    ${f.short ? `-${f.short}, ` : ''}--${f.name}`).join('\n')}\n` : '';
  return `${command.summary}.\n${available}\nUsage:\n  ${command.usage}\n${options}\nUse "kubectl ${path} <command> --help" for more information about a given command.\n`;
}

/** Index of the first positional argument at or after `from`, skipping flags and their values. */
function firstPositional(argv: readonly string[], from: number, valueFlags: Set<string>): number {
  let index = from;
  while (index < argv.length && argv[index].startsWith('-') && argv[index] !== '--') {
    index += valueFlags.has(argv[index]) ? 2 : 1;
  }
  return index < argv.length && argv[index] !== '--' ? index : -1;
}

interface Resolved {
  command: Command;
  path: string;
  argv: string[];
  inheritedFlags: Command['flags'];
}

/** Walks down subcommands named by the first positional arguments. */
function resolveSubcommand(command: Command, path: string, argv: string[]): Resolved | { unknown: string; path: string } {
  let current = command;
  let currentPath = path;
  let rest = argv;
  const inherited: Command['flags'] = [];
  while (current.subcommands && current.subcommands.length > 0) {
    const index = firstPositional(rest, 0, valueFlagNames([...current.flags, ...GLOBAL_FLAGS]));
    if (index < 0) break;
    const sub = current.subcommands.find((c) => c.name === rest[index] || c.aliases?.includes(rest[index]));
    if (!sub) {
      if (!current.run) return { unknown: rest[index], path: currentPath };
      break;
    }
    inherited.push(...current.flags);
    currentPath = `${currentPath} ${sub.name}`;
    rest = [...rest.slice(0, index), ...rest.slice(index + 1)];
    current = sub;
  }
  return { command: current, path: currentPath, argv: rest, inheritedFlags: inherited };
}

/** The context with a client that prints each server warning once, as kubectl's warning writer does. */
function withWarningWriter(ctx: KubectlContext): KubectlContext {
  const printed = new Set<string>();
  const client = ctx.client.withWarnings((text) => {
    if (printed.has(text)) return;
    printed.add(text);
    ctx.stderr(`Warning: ${text}\n`);
  });
  return { ...ctx, client };
}

/** Runs one kubectl invocation (argv without the leading `kubectl`); resolves with its exit code. */
export async function runKubectl(argv: readonly string[], given: KubectlContext): Promise<number> {
  const ctx = withWarningWriter(given);
  const index = firstPositional(argv, 0, VALUE_GLOBALS);
  const name = index < 0 ? undefined : argv[index];
  if (name === undefined || name === 'help') {
    ctx.stdout(helpText());
    return 0;
  }
  const entry = findEntry(name);
  if (!entry) {
    const similar = suggestions(name);
    const hint = similar.length > 0 ? `\n\nDid you mean this?\n${similar.map((s) => `\t${s}\n`).join('')}` : '';
    ctx.stderr(`Error: unknown command "${name}" for "kubectl"${hint}\n`);
    return 1;
  }
  let path = entry.name;
  try {
    const resolved = resolveSubcommand(await entry.load(), entry.name, [...argv.slice(0, index), ...argv.slice(index + 1)]);
    if ('unknown' in resolved) {
      ctx.stderr(`error: unknown command "${resolved.unknown}"\nSee 'kubectl ${resolved.path} -h' for help and examples\n`);
      return 1;
    }
    const { command } = resolved;
    path = resolved.path;
    const flags = parseFlags(resolved.argv, [...command.flags, ...resolved.inheritedFlags.filter((f) => !command.flags.some((c) => c.name === f.name)), ...GLOBAL_FLAGS]);
    if (flags.values.get('help') === true || !command.run) {
      ctx.stdout(commandHelp(command, path));
      return 0;
    }
    const missing = (command.requiredFlags ?? []).filter((flag) => !flags.changed.has(flag));
    if (missing.length > 0) {
      ctx.stderr(`${klogHeader('E', ctx.now(), 'run.go:72')}"command failed" err=${JSON.stringify(`required flag(s) ${missing.map((m) => `"${m}"`).join(', ')} not set`)}\n`);
      return 1;
    }
    return await command.run(flags, ctx);
  } catch (error) {
    if (error instanceof FlagError) {
      ctx.stderr(`Error: ${error.message}\nSee 'kubectl ${path} --help' for usage.\n`);
      return 1;
    }
    const { message, exitCode } = describeError(error);
    ctx.stderr(message.endsWith('\n') ? message : `${message}\n`);
    return exitCode;
  }
}
