// Strategies for services, endpoints, endpoint slices, deployments, replica sets, jobs and
// events.k8s.io events: stored with the generic rules and default tables until each gets its
// own behaviour.

import { findResource } from '../../api/scheme';
import type { AnyStrategy } from '../registry/strategy';
import type { TablePrinter } from '../tables/table';
import { endpointSliceTable, endpointsTable, serviceTable } from '../tables/networking';
import { deploymentTable, jobTable, replicaSetTable } from '../tables/workloads';

function generic(group: string, resource: string, extra: Partial<AnyStrategy> = {}): AnyStrategy {
  return { type: findResource(group, 'v1', resource)!, ...extra };
}

const table = (printer: TablePrinter<never>) => printer as unknown as TablePrinter;

export const WORKLOAD_STRATEGIES: readonly AnyStrategy[] = [
  generic('', 'services', { hasStatus: true, table: table(serviceTable) }),
  generic('', 'endpoints', { table: table(endpointsTable) }),
  generic('discovery.k8s.io', 'endpointslices', { table: table(endpointSliceTable) }),
  generic('apps', 'deployments', { hasStatus: true, tracksGeneration: true, table: table(deploymentTable) }),
  generic('apps', 'replicasets', { hasStatus: true, tracksGeneration: true, table: table(replicaSetTable) }),
  generic('batch', 'jobs', { hasStatus: true, tracksGeneration: true, table: table(jobTable) }),
  generic('events.k8s.io', 'events'),
];
