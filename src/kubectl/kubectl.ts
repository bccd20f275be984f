// kubetab's kubectl: finds the command in argv (global flags may come first), parses its flags
// with pflag's rules, runs it, and reports failures as kubectl does, returning the exit code.
// Commands are thin clients of the API server, like the real kubectl.

import { GLOBAL_FLAGS, type Command } from './command';
import type { KubectlContext } from './context';
import { describeError } from './errors';
import { FlagError, parseFlags } from './flags';
import { COMMANDS } from './commands';

const VALUE_GLOBALS = new Set(GLOBAL_FLAGS.filter((f) => f.type !== 'bool').flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));

function findCommand(name: string): Command | undefined {
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
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width + 2)}${c.summary}`);
  return `kubectl controls the Kubernetes cluster manager.\n\nCommands:\n${lines.join('\n')}\n\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\n`;
}

function commandHelp(command: Command): string {
  return `${command.summary}.\n\nUsage:\n  ${command.usage}\n\nOptions:\n${command.flags.map((f) => `    ${f.short ? `-${f.short}, ` : ''}--${f.name}`).join('\n')}\n`;
}

/** klog's error line prefix: `E1123 17:17:49.462232       1 `, in the viewer's local time. */
function klogPrefix(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  const micros = String(d.getMilliseconds() * 1000).padStart(6, '0');
  return `E${two(d.getMonth() + 1)}${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${micros}${'1'.padStart(8)} `;
}

/** Runs one kubectl invocation (argv without the leading `kubectl`); resolves with its exit code. */
export async function runKubectl(argv: readonly string[], ctx: KubectlContext): Promise<number> {
  let index = 0;
  while (index < argv.length && argv[index].startsWith('-')) {
    const arg = argv[index];
    index += VALUE_GLOBALS.has(arg) ? 2 : 1;
  }
  const name = argv[index];
  if (name === undefined || name === 'help') {
    ctx.stdout(helpText());
    return 0;
  }
  const command = findCommand(name);
  if (!command) {
    const similar = suggestions(name);
    const hint = similar.length > 0 ? `\n\nDid you mean this?\n${similar.map((s) => `\t${s}\n`).join('')}` : '';
    ctx.stderr(`Error: unknown command "${name}" for "kubectl"${hint}\n`);
    return 1;
  }
  try {
    const flags = parseFlags([...argv.slice(0, index), ...argv.slice(index + 1)], [...command.flags, ...GLOBAL_FLAGS]);
    if (flags.values.get('help') === true) {
      ctx.stdout(commandHelp(command));
      return 0;
    }
    const missing = (command.requiredFlags ?? []).filter((name) => !flags.changed.has(name));
    if (missing.length > 0) {
      ctx.stderr(`${klogPrefix(ctx.now())}run.go:72] "command failed" err=${JSON.stringify(`required flag(s) ${missing.map((m) => `"${m}"`).join(', ')} not set`)}\n`);
      return 1;
    }
    return await command.run(flags, ctx);
  } catch (error) {
    if (error instanceof FlagError) {
      ctx.stderr(`Error: ${error.message}\nSee 'kubectl ${command.name} --help' for usage.\n`);
      return 1;
    }
    const { message, exitCode } = describeError(error);
    ctx.stderr(message.endsWith('\n') ? message : `${message}\n`);
    return exitCode;
  }
}
