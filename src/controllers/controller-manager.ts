// The controller manager: starts and stops every controller of the control plane, as
// kube-controller-manager (and the cloud controller manager's service controller) does. Each
// controller lives in its own folder; they share one informer per resource, and their workers
// start only once every shared cache is filled, so none acts on a partial picture.

import type { ClusterClock } from '../cluster/clock';
import type { ApiClient } from '../client/client';
import { DeploymentController } from './deployment/deployment-controller';
import { EndpointsController } from './endpoints/endpoints-controller';
import { EndpointSliceController } from './endpointslice/endpointslice-controller';
import { GarbageCollector } from './garbagecollector/garbage-collector';
import { JobController } from './job/job-controller';
import { NamespaceController } from './namespace/namespace-controller';
import { NodeLifecycleController } from './nodelifecycle/node-lifecycle-controller';
import { ReplicaSetController } from './replicaset/replicaset-controller';
import { RootCaPublisher } from './root-ca/root-ca-publisher';
import { ServiceController } from './service/service-controller';
import { ServiceAccountController } from './serviceaccount/serviceaccount-controller';
import { SharedInformers } from './shared/shared-informers';
import { TaintEvictionController } from './tainteviction/taint-eviction-controller';

interface Startable {
  start(): void;
  stop(): void;
}

export class ControllerManager {
  private readonly informers: SharedInformers;
  private readonly controllers: Startable[];
  private readonly standalone: Startable[];
  private stopped = false;

  constructor(client: ApiClient, clock: ClusterClock) {
    this.informers = new SharedInformers(client, clock);
    const informers = this.informers;
    this.controllers = [
      new ReplicaSetController(client, clock, informers),
      new DeploymentController(client, clock, informers),
      new JobController(client, clock, informers),
      new EndpointsController(client, clock, informers),
      new EndpointSliceController(client, clock, informers),
      new NodeLifecycleController(client, clock, informers),
      new TaintEvictionController(client, clock, informers),
      new GarbageCollector(client, clock, informers),
      new NamespaceController(client, clock, informers),
      new ServiceController(client, clock, informers),
    ];
    this.standalone = [new ServiceAccountController(client, clock), new RootCaPublisher(client, clock)];
  }

  start(): void {
    this.stopped = false;
    for (const controller of this.standalone) controller.start();
    this.informers.start();
    void this.informers.waitForSync().then(() => {
      if (this.stopped) return;
      for (const controller of this.controllers) controller.start();
    });
  }

  /** Resolves once every shared cache is filled and the controllers run. */
  synced(): Promise<void> {
    return this.informers.waitForSync();
  }

  stop(): void {
    this.stopped = true;
    for (const controller of this.controllers) controller.stop();
    for (const controller of this.standalone) controller.stop();
    this.informers.stop();
  }
}
