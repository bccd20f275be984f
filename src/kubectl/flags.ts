// Command-line flags with pflag's rules: `--name=value`, `--name value`, `-n value`,
// `-nvalue`, `-n=value`, grouped short booleans (`-it`), `--flag=false` for booleans, `--`
// ending flags, repeatable flags that keep each value whole (stringArray) or split it as one
// CSV record (stringSlice: `-f a.yaml,b.yaml`), and pflag's error texts for unknown or
// malformed flags.

import { readCsvRecord } from './csv-record';

export type FlagType = 'string' | 'bool' | 'int' | 'stringArray' | 'stringSlice' | 'duration';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  default?: string | boolean | number | string[];
}

export type FlagValue = string | boolean | number | string[];

export class FlagError extends Error {}

export interface ParsedFlags {
  values: Map<string, FlagValue>;
  /** Flags the user set explicitly. */
  changed: Set<string>;
  /** Positional arguments in order, and those after `--`. */
  args: string[];
  /** Index in `args` where the arguments after `--` begin, or -1. */
  dashIndex: number;
}

function parseDuration(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text);
  if (!match) throw new FlagError(`invalid argument "${text}" for "${flag}" flag: time: invalid duration "${text}"`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? 's'] ?? 1000;
  return Number(match[1]) * unit;
}

/** The boolean a word spells for Go's strconv.ParseBool, or undefined. */
export function parseGoBool(text: string): boolean | undefined {
  if (['true', '1', 't', 'T', 'TRUE', 'True'].includes(text)) return true;
  if (['false', '0', 'f', 'F', 'FALSE', 'False'].includes(text)) return false;
  return undefined;
}

function convert(spec: FlagSpec, raw: string, shown: string): FlagValue {
  switch (spec.type) {
    case 'bool': {
      const value = parseGoBool(raw);
      if (value !== undefined) return value;
      throw new FlagError(`invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
    }
    case 'int':
      if (!/^-?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
      return Number(raw);
    case 'duration':
      return parseDuration(raw, shown);
    case 'stringSlice':
      try {
        return readCsvRecord(raw);
      } catch (error) {
        throw new FlagError(`invalid argument ${JSON.stringify(raw)} for "${shown}" flag: ${(error as Error).message}`);
      }
    default:
      return raw;
  }
}

function shownName(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const values = new Map<string, FlagValue>();
  const changed = new Set<string>();
  for (const spec of specs) if (spec.default !== undefined) values.set(spec.name, spec.default);
  const args: string[] = [];
  let dashIndex = -1;
  const set = (spec: FlagSpec, value: FlagValue) => {
    if (spec.type === 'stringArray' || spec.type === 'stringSlice') {
      const previous = changed.has(spec.name) ? (values.get(spec.name) as string[]) : [];
      values.set(spec.name, previous.concat(value as string | string[]));
    } else {
      values.set(spec.name, value);
    }
    changed.add(spec.name);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      dashIndex = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, convert(spec, arg.slice(eq + 1), shownName(spec)));
      else if (spec.type === 'bool') set(spec, true);
      else {
        if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: --${name}`);
        set(spec, convert(spec, argv[++i], shownName(spec)));
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j];
        const spec = byShort.get(letter);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${letter}' in ${arg}`);
        if (spec.type === 'bool') {
          if (arg[j + 1] === '=') {
            set(spec, convert(spec, arg.slice(j + 2), shownName(spec)));
            break;
          }
          set(spec, true);
          continue;
        }
        let value = arg.slice(j + 1);
        if (value.startsWith('=')) value = value.slice(1);
        else if (value === '') {
          if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: '${letter}' in -${letter}`);
          value = argv[++i];
        }
        set(spec, convert(spec, value, shownName(spec)));
        break;
      }
      continue;
    }
    args.push(arg);
  }
  return { values, changed, args, dashIndex };
}

export function flagString(flags: ParsedFlags, name: string): string {
  const value = flags.values.get(name);
  return typeof value === 'string' ? value : '';
}

export function flagBool(flags: ParsedFlags, name: string): boolean {
  return flags.values.get(name) === true;
}

export function flagNumber(flags: ParsedFlags, name: string): number | undefined {
  const value = flags.values.get(name);
  return typeof value === 'number' ? value : undefined;
}

export function flagArray(flags: ParsedFlags, name: string): string[] {
  const value = flags.values.get(name);
  return Array.isArray(value) ? value : [];
}
