// kubetab's terminal shell against a test cluster, as the page wires it (the cluster's node
// controls, image loading and the control-plane node's network), running one command line at
// a time and returning what it printed with plain newlines.

import { ResourceMapper } from '../../src/kubectl/resource-mapper';
import { createShellSession } from '../../src/shell/session';
import { VirtualFs } from '../../src/shell/virtual-fs';
import type { TestCluster } from './node-cluster';

export interface TestShell {
  files: VirtualFs;
  /** Runs `line`; resolves with everything printed while it ran. */
  run(line: string): Promise<string>;
}

export function testShell(t: TestCluster): TestShell {
  const { cluster } = t;
  const files = new VirtualFs();
  let output = '';
  const session = createShellSession(
    {
      client: t.client,
      mapper: new ResourceMapper(t.client),
      clock: t.clock,
      files,
      env: { HOME: '/home/learner' },
      history: [],
      timezoneOffset: () => 0,
      controls: {
        nodeNames: () => cluster.workerNodeNames(),
        nodeState: (name) => cluster.nodes.state(name),
        stopNode: (name) => cluster.nodes.stop(name),
        startNode: (name) => cluster.nodes.start(name),
        partitionNode: (name, partitioned) => cluster.nodes.setPartitioned(name, partitioned),
        restartKubelet: (name) => cluster.nodes.restartKubelet(name),
        setSpeed: (speed) => cluster.clock.setSpeed(speed),
        loadImage: (reference, path, bytes) => cluster.nodes.loadImage(reference, path, bytes),
      },
      network: cluster.network.host(),
    },
    { write: (text) => (output += text) },
    120,
    40,
    { interactive: false },
  );
  return {
    files,
    async run(line) {
      output = '';
      await session.run(line);
      return output.replace(/\r\n/g, '\n');
    },
  };
}
