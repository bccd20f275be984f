// Which describer prints each kind: the dedicated ones for the kinds kubetab serves, and the
// generic one for the rest. Each gets the object, its events (when shown) and the clock.

import type { Deployment, EndpointSlice, Job, ReplicaSet } from '../../api/apps';
import type { ConfigMap, Endpoints, Namespace, Node, Pod, Secret, Service, ServiceAccount } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import type { ResourceType } from '../../api/scheme';
import type { KubectlContext } from '../context';
import { describeConfigMap, describeNamespace, describeSecret, describeServiceAccount } from './config';
import { describeEndpoints, describeEndpointSlice } from './endpoints';
import { searchEvents } from './events';
import { describeGeneric } from './generic';
import { describeNode } from './node';
import { describePod, type DescribeClock } from './pod';
import { describeService } from './service';
import { describeDeployment, describeJob, describeReplicaSet } from './workloads';

export async function describeObject(ctx: KubectlContext, type: ResourceType, object: KubeObject, showEvents: boolean, clock: DescribeClock): Promise<string> {
  const events = async (withKind = true) => (showEvents ? await searchEvents(ctx, object, withKind) : undefined);
  switch (`${type.group}/${type.resource}`) {
    case '/pods':
      return describePod(object as Pod, await events(false), clock);
    case '/nodes':
      return describeNode(ctx, object as Node, showEvents, clock);
    case '/namespaces':
      return describeNamespace(object as Namespace);
    case '/configmaps':
      return describeConfigMap(object as ConfigMap, await events(), clock.now);
    case '/secrets':
      return describeSecret(object as Secret);
    case '/serviceaccounts':
      return describeServiceAccount(object as ServiceAccount, await events(), clock.now);
    case '/endpoints':
      return describeEndpoints(object as Endpoints, await events(), clock.now);
    case 'discovery.k8s.io/endpointslices':
      return describeEndpointSlice(object as EndpointSlice, await events(), clock.now);
    case '/services':
      return describeService(ctx, object as Service, await events(), clock.now);
    case 'apps/deployments':
      return describeDeployment(ctx, object as Deployment, await events(), clock);
    case 'apps/replicasets':
      return describeReplicaSet(ctx, object as ReplicaSet, await events(), clock);
    case 'batch/jobs':
      return describeJob(object as Job, await events(), clock);
    default:
      return describeGeneric(object, await events(), clock.now);
  }
}
