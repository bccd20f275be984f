// The control loops of the control plane, the scheduler and the controller manager, as one
// unit the cluster loads on demand: their code is a chunk of its own in the page, fetched while
// the nodes register, since no node needs them to become Ready.

import type { ApiServer } from '../apiserver/api-server';
import { ApiClient } from '../client/client';
import type { ClusterClock } from './clock';
import { CONTROL_PLANE_NODE } from './topology';

export interface ControlLoops {
  start(): void;
  stop(): void;
}

export type CreateControlLoops = (apiServer: ApiServer, client: ApiClient, clock: ClusterClock) => ControlLoops;

/** Loads the scheduler's and the controllers' code; resolves with a way to create them. */
export async function loadControlLoops(): Promise<CreateControlLoops> {
  const [{ Scheduler }, { ControllerManager }] = await Promise.all([import('../scheduler/scheduler'), import('../controllers/controller-manager')]);
  return (apiServer, client, clock) => {
    const scheduler = new Scheduler({ client: new ApiClient(apiServer, 'kube-scheduler'), clock, hostName: CONTROL_PLANE_NODE });
    const controllers = new ControllerManager(client, clock);
    return {
      start() {
        controllers.start();
        scheduler.start();
      },
      stop() {
        scheduler.stop();
        controllers.stop();
      },
    };
  };
}
