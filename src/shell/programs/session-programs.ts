// Commands about the session itself: clear, help, history, export, env, unset, sleep (on the
// cluster clock), date, true and false.

import type { Program } from '../program';

export const clearProgram: Program = async (io) => {
  io.shell.clearScreen();
  return 0;
};

export const HELP_TEXT = `kubetab shell: a Kubernetes cluster in this browser tab.

  kubectl ...          talk to the cluster (also: k). Try: kubectl get nodes
  kubetab ...          control the playground: nodes (stop, start, partition), clock speed, image load
  curl, wget, nslookup reach Services from the control-plane node (curl http://web)
  cat, ls, rm, touch   files in your home directory (write one with: cat > pod.yaml <<EOF)
  echo, grep, head, tail, wc, sort   text tools for pipelines (kubectl get pods | grep web)
  clear, history, export, env, sleep, date, help

Keys: Up/Down history, Tab completion, Ctrl+C cancel, Ctrl+L clear, Ctrl+A/E line start/end.
`;

export const helpProgram: Program = async (io) => {
  io.stdout(HELP_TEXT);
  return 0;
};

export const historyProgram: Program = async (io) => {
  const width = String(io.shell.history.length).length;
  io.shell.history.forEach((line, i) => io.stdout(`${String(i + 1).padStart(Math.max(5, width))}  ${line}\n`));
  return 0;
};

export const exportProgram: Program = async (io) => {
  for (const arg of io.argv.slice(1)) {
    const eq = arg.indexOf('=');
    if (eq > 0) io.shell.env[arg.slice(0, eq)] = arg.slice(eq + 1);
  }
  return 0;
};

export const unsetProgram: Program = async (io) => {
  for (const name of io.argv.slice(1)) delete io.shell.env[name];
  return 0;
};

export const envProgram: Program = async (io) => {
  for (const [key, value] of Object.entries(io.shell.env).sort(([a], [b]) => (a < b ? -1 : 1))) io.stdout(`${key}=${value}\n`);
  return 0;
};

/** Sleeps on the cluster clock, so `sleep 10` at 10x speed takes a second; Ctrl+C ends it. */
export const sleepProgram: Program = async (io) => {
  const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(io.argv[1] ?? '');
  if (!match) {
    io.stderr(`sleep: invalid time interval '${io.argv[1] ?? ''}'\n`);
    return 1;
  }
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  await new Promise<void>((resolve) => {
    const timer = io.shell.clock.after(Number(match[1]) * unit, resolve);
    io.signal.onCancel(() => {
      timer.cancel();
      resolve();
    });
  });
  return 0;
};

export const dateProgram: Program = async (io) => {
  io.stdout(`${new Date(io.shell.clock.now()).toUTCString().replace('GMT', 'UTC')}\n`);
  return 0;
};

export const trueProgram: Program = async () => 0;
export const falseProgram: Program = async () => 1;
