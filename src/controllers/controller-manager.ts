// The controller manager: starts and stops every controller of the control plane, as
// kube-controller-manager does. Each controller lives in its own folder.

import type { ClusterClock } from '../cluster/clock';
import type { ApiClient } from '../client/client';
import { RootCaPublisher } from './root-ca/root-ca-publisher';
import { ServiceAccountController } from './serviceaccount/serviceaccount-controller';

interface Startable {
  start(): void;
  stop(): void;
}

export class ControllerManager {
  private readonly controllers: Startable[];

  constructor(client: ApiClient, clock: ClusterClock) {
    this.controllers = [new ServiceAccountController(client, clock), new RootCaPublisher(client, clock)];
  }

  start(): void {
    for (const controller of this.controllers) controller.start();
  }

  stop(): void {
    for (const controller of this.controllers) controller.stop();
  }
}
