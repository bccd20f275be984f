// Starts a kubetab cluster in Node: worker_threads nodes (and hollow nodes if asked), the
// cluster clock at the requested speed, optionally persisted to a file.

import { ClusterClock } from '../cluster/clock';
import { Cluster } from '../cluster/cluster';
import { createNodeHost } from '../cluster/hosts/node';
import { FilePersistence } from './file-persistence';

export interface NodeClusterOptions {
  workers: number;
  timeScale: number;
  stateFile?: string;
  pullDelayScale?: number;
  /** Hollow (kubemark-style) nodes to add besides the workers. */
  hollowNodes?: number;
}

export async function startNodeCluster(options: NodeClusterOptions): Promise<Cluster> {
  const host = await createNodeHost();
  const clock = new ClusterClock({ speed: options.timeScale });
  return Cluster.start({
    host,
    clock,
    workers: options.workers,
    persistence: options.stateFile ? new FilePersistence(options.stateFile) : undefined,
    pullDelayScale: options.pullDelayScale,
    hollowNodes: options.hollowNodes,
  });
}
