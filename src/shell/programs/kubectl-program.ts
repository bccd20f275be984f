// `kubectl` (and `k`) in the shell: kubetab's kubectl with the session's files, standard input
// for `-f -`, the cluster clock and the terminal.

import { runKubectl } from '../../kubectl/kubectl';
import type { Program } from '../program';

export const kubectlProgram: Program = (io) =>
  runKubectl(io.argv.slice(1), {
    client: io.shell.client,
    mapper: io.shell.mapper,
    namespace: io.shell.env.KUBECTL_NAMESPACE || 'default',
    stdout: io.stdout,
    stderr: io.stderr,
    readFile: async (path) => {
      if (path === '-') return io.stdin.readAll();
      const text = io.shell.files.read(path);
      if (text === undefined) throw new Error(`the path "${path}" does not exist`);
      return text;
    },
    listDirectory: async (path) => (io.shell.files.isDirectory(path) ? io.shell.files.walk(path) : undefined),
    now: () => io.shell.clock.now(),
    signal: io.signal,
    timezoneOffset: io.shell.timezoneOffset,
    terminal: io.stdinIsTerminal ? io.shell.terminal : undefined,
  });
