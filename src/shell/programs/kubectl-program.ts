// `kubectl` (and `k`) in the shell: kubetab's kubectl with the session's files, standard input
// for `-f -`, the cluster clock, the terminal (colours, exec -it), the host's editor for
// `kubectl edit`, and the session's default namespace, which `kubectl config set-context
// --current --namespace=X` changes for later commands.

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
    after: (ms, callback) => {
      const timer = io.shell.clock.after(ms, callback);
      return () => timer.cancel();
    },
    signal: io.signal,
    timezoneOffset: io.shell.timezoneOffset,
    terminal: io.stdinIsTerminal ? io.shell.terminal : undefined,
    colors: io.shell.terminal !== undefined,
    editText: io.shell.editText,
    setNamespace: (namespace) => {
      io.shell.env.KUBECTL_NAMESPACE = namespace;
    },
  });
