// `kubetab`: the playground's own controls from the shell: node chaos (stop, start, partition,
// heal, restart-kubelet), the node list, the cluster clock's speed, and loading images.

import type { Program, ProgramIO } from '../program';
import { IMAGE_USAGE, imageCommand } from './kubetab-image';

const USAGE = `Usage:
  kubetab node list
  kubetab node add --hollow N
  kubetab node stop|start|partition|heal|restart-kubelet NODE
  kubetab clock pause|resume|speed FACTOR
${IMAGE_USAGE}`;

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
  if (action === 'add') return addHollowNodes(io, args.slice(1));
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

const MAX_HOLLOW_NODES = 5000;

/** `kubetab node add --hollow N`: kubemark-style nodes with no worker and no containers. */
async function addHollowNodes(io: ProgramIO, args: string[]): Promise<number> {
  const add = io.shell.controls?.addHollowNodes;
  if (!add) {
    io.stderr('kubetab: hollow nodes cannot be added here\n');
    return 1;
  }
  const [flag, count, ...rest] = args;
  const inline = flag?.startsWith('--hollow=') ? flag.slice('--hollow='.length) : undefined;
  const text = inline ?? (flag === '--hollow' ? count : undefined);
  if ((flag !== '--hollow' && inline === undefined) || text === undefined || (inline !== undefined ? count !== undefined : rest.length > 0)) {
    io.stderr('kubetab: only hollow nodes can be added: kubetab node add --hollow N\n');
    return 1;
  }
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > MAX_HOLLOW_NODES) {
    io.stderr(`kubetab: --hollow needs a whole number of nodes from 1 to ${MAX_HOLLOW_NODES}, not "${text}"\n`);
    return 1;
  }
  const names = await add(n);
  const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} … ${names[names.length - 1]}` : names.join(', ');
  io.stdout(`${names.length} hollow node(s) added: ${shown}\nhollow nodes run no containers: their pods report Running but serve nothing\n`);
  return 0;
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
  if (group === 'image') return imageCommand(io, rest);
  io.stderr(USAGE);
  return group === undefined || group === 'help' ? 0 : 1;
};
