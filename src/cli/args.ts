// Command-line options of `kubetab cluster` and `kubetab shell`: `--name value` or
// `--name=value`, repeatable where noted, with clear errors for anything unknown.

export interface OptionSpec {
  name: string;
  kind: 'string' | 'number' | 'flag' | 'list';
}

export type Options = Map<string, string | number | boolean | string[]>;

export class UsageError extends Error {}

export function parseOptions(argv: readonly string[], specs: readonly OptionSpec[]): Options {
  const options: Options = new Map();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec = specs.find((s) => s.name === name);
    if (!spec) throw new UsageError(`unknown option --${name}`);
    if (spec.kind === 'flag') {
      options.set(name, eq < 0 ? true : arg.slice(eq + 1) !== 'false');
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`option --${name} needs a value`);
    if (spec.kind === 'number') {
      const number = Number(value);
      if (!Number.isFinite(number) || number < 0) throw new UsageError(`option --${name} needs a non-negative number, got "${value}"`);
      options.set(name, number);
    } else if (spec.kind === 'list') {
      options.set(name, [...((options.get(name) as string[] | undefined) ?? []), value]);
    } else {
      options.set(name, value);
    }
  }
  return options;
}
