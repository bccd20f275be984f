// The terminal's shell for the booted cluster: kubetab's shell session with kubectl over the
// in-page API server, files and history kept in localStorage, the viewer's time zone, and the
// node and clock controls.

import type { Cluster } from '../../cluster/cluster';
import { ApiClient } from '../../client/client';
import { ResourceMapper } from '../../kubectl/resource-mapper';
import { createShellSession } from '../../shell/session';
import { readStored, writeStored } from '../platform/local-storage';
import { shellFiles } from './shell-files';
import type { ShellFactory } from './shell-link.svelte';

const HISTORY_KEY = 'kubetab.shell.history';
const HISTORY_LIMIT = 500;

function storedHistory(): string[] {
  const value = readStored(HISTORY_KEY);
  return Array.isArray(value) ? value.filter((line): line is string => typeof line === 'string') : [];
}

export function shellFactory(cluster: Cluster): ShellFactory {
  const client = new ApiClient(cluster.apiServer, 'kubectl');
  const mapper = new ResourceMapper(client);
  const files = shellFiles();
  const history = storedHistory();
  const env: Record<string, string> = { HOME: '/home/learner', USER: 'learner' };
  let greeted = false;
  return (out, columns, rows) => {
    const banner = greeted ? undefined : `Welcome to kubetab. Type \x1b[1mkubectl get nodes\x1b[0m to begin, or \x1b[1mhelp\x1b[0m for what this shell can do.\n`;
    greeted = true;
    return createShellSession(
      {
        client,
        mapper,
        clock: cluster.clock,
        files,
        env,
        history,
        timezoneOffset: (at) => new Date(at).getTimezoneOffset(),
        controls: {
          nodeNames: () => cluster.workerNodeNames(),
          nodeState: (name) => cluster.nodes.state(name),
          stopNode: (name) => cluster.nodes.stop(name),
          startNode: (name) => cluster.nodes.start(name),
          partitionNode: (name, partitioned) => cluster.nodes.setPartitioned(name, partitioned),
          restartKubelet: (name) => cluster.nodes.restartKubelet(name),
          addHollowNodes: (count) => cluster.addHollowNodes(count),
          setSpeed: (speed) => cluster.clock.setSpeed(speed),
          loadImage: (reference, path, bytes) => cluster.nodes.loadImage(reference, path, bytes),
        },
        network: cluster.network.host(),
      },
      out,
      columns,
      rows,
      { banner, saveHistory: (lines) => writeStored(HISTORY_KEY, lines.slice(-HISTORY_LIMIT)) },
    );
  };
}

