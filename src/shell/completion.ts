// Tab completion: program names first, then kubectl commands, resource types and object
// names (read from the cluster), and file names for `-f` and file programs.

import type { KubeList } from '../api/meta';
import { resourcePath } from '../api/scheme';
import { COMMANDS } from '../kubectl/commands';
import type { ShellContext } from './program';
import { PROGRAMS } from './programs';

export interface Completion {
  /** Text to insert at the cursor (the unambiguous part). */
  insert: string;
  candidates: string[];
}

const TYPE_TAKING = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'logs', 'explain', 'rollout']);

function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0];
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

async function objectNames(shell: ShellContext, typeText: string): Promise<string[]> {
  const type = await shell.mapper.find(typeText);
  if (!type) return [];
  const list = await shell.client.send<KubeList>({ method: 'GET', path: resourcePath(type, type.namespaced ? shell.env.KUBECTL_NAMESPACE || 'default' : undefined) });
  return list.items.map((item) => item.metadata.name ?? '');
}

async function candidatesFor(words: string[], shell: ShellContext): Promise<string[]> {
  if (words.length === 1) return Object.keys(PROGRAMS);
  const program = words[0];
  const previous = words[words.length - 2];
  if (previous === '-f' || previous === '--filename' || ['cat', 'rm', 'ls'].includes(program)) {
    return shell.files.list('.').map((name) => name);
  }
  if (program !== 'kubectl' && program !== 'k') return [];
  const args = words.slice(1).filter((w, i, all) => !w.startsWith('-') && !(i > 0 && ['-n', '--namespace', '-o', '-l', '-c'].includes(all[i - 1])));
  if (args.length <= 1) return COMMANDS.map((c) => c.name);
  const command = args[0];
  if (!TYPE_TAKING.has(command)) return [];
  if (command === 'logs') return args.length === 2 ? objectNames(shell, 'pods') : [];
  if (args.length === 2) return (await shell.mapper.all()).map((t) => t.resource);
  if (args.length === 3) return objectNames(shell, args[1]);
  return [];
}

export async function completeLine(before: string, shell: ShellContext): Promise<Completion | undefined> {
  const words = before.split(/\s+/);
  const partial = words[words.length - 1] ?? '';
  const candidates = (await candidatesFor(words, shell)).filter((c) => c.startsWith(partial)).sort();
  if (candidates.length === 0) return undefined;
  const unique = [...new Set(candidates)];
  if (unique.length === 1) return { insert: `${unique[0].slice(partial.length)}${unique[0].endsWith('/') ? '' : ' '}`, candidates: unique };
  return { insert: commonPrefix(unique).slice(partial.length), candidates: unique };
}
