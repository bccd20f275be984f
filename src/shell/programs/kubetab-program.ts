// `kubetab`: the playground's own controls from the shell: node chaos (stop, start, partition,
// heal, restart-kubelet), the node list, and the cluster clock's speed.

import type { Program, ProgramIO } from '../program';

const USAGE = `Usage:
  kubetab node list
  kubetab node stop|start|partition|heal|restart-kubelet NODE
  kubetab clock pause|resume|speed FACTOR
`;

async function nodeCommand(io: ProgramIO, args: string[]): Promise<number> {
  const controls = io.shell.controls;
  if (!controls) {
    io.stderr('kubetab: node controls are not available here\n');
    return 1;
  }
  const [action, name] = args;
  if (action === 'list' || action === undefined) {
    for (const node of controls.nodeNames()) io.stdout(`${node}\t${controls.nodeState(node) ?? 'unknown'}\n`);
    return 0;
  }
  if (!name) {
    io.stderr(USAGE);
    return 1;
  }
  if (!controls.nodeNames().includes(name)) {
    io.stderr(`kubetab: node "${name}" is not a worker node of this cluster (nodes: ${controls.nodeNames().join(', ')})\n`);
    return 1;
  }
  switch (action) {
    case 'stop':
      await controls.stopNode(name);
      io.stdout(`node ${name} stopped: its kubelet and containers are gone; watch it become NotReady\n`);
      return 0;
    case 'start':
      await controls.startNode(name);
      io.stdout(`node ${name} started\n`);
      return 0;
    case 'partition':
      await controls.partitionNode(name, true);
      io.stdout(`node ${name} partitioned: its containers keep running but the control plane cannot hear it\n`);
      return 0;
    case 'heal':
      await controls.partitionNode(name, false);
      io.stdout(`node ${name} healed\n`);
      return 0;
    case 'restart-kubelet':
      await controls.restartKubelet(name);
      io.stdout(`kubelet on ${name} restarted\n`);
      return 0;
    default:
      io.stderr(USAGE);
      return 1;
  }
}

function clockCommand(io: ProgramIO, args: string[]): number {
  const controls = io.shell.controls;
  const [action, factor] = args;
  if (!controls) {
    io.stderr('kubetab: clock controls are not available here\n');
    return 1;
  }
  if (action === 'pause') controls.setSpeed(0);
  else if (action === 'resume') controls.setSpeed(1);
  else if (action === 'speed' && factor && Number(factor) >= 0) controls.setSpeed(Number(factor));
  else {
    io.stderr(USAGE);
    return 1;
  }
  io.stdout(`cluster clock speed: ${io.shell.clock.speed}x\n`);
  return 0;
}

export const kubetabProgram: Program = async (io) => {
  const [, group, ...rest] = io.argv;
  if (group === 'node') return nodeCommand(io, rest);
  if (group === 'clock') return clockCommand(io, rest);
  io.stderr(USAGE);
  return group === undefined || group === 'help' ? 0 : 1;
};
