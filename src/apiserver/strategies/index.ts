// Every resource's strategy, and which name rule each resource's objects follow.

import { checkDns1035Label, checkDns1123Label, checkDns1123Subdomain } from '../../api/validation/names';
import { findResource } from '../../api/scheme';
import type { NameValidator } from '../registry/object-meta';
import type { AnyStrategy } from '../registry/strategy';
import { namespaceStrategy, nodeStrategy } from './cluster-objects';
import { configMapStrategy, eventStrategy, leaseStrategy, secretStrategy, serviceAccountStrategy } from './namespaced-objects';
import { podStrategy } from './pods';
import { WORKLOAD_STRATEGIES } from './workloads';

export const STRATEGIES: readonly AnyStrategy[] = [
  podStrategy as AnyStrategy,
  nodeStrategy as AnyStrategy,
  namespaceStrategy as AnyStrategy,
  eventStrategy as AnyStrategy,
  leaseStrategy as AnyStrategy,
  configMapStrategy as AnyStrategy,
  secretStrategy as AnyStrategy,
  serviceAccountStrategy as AnyStrategy,
  { type: findResource('', 'v1', 'bindings')! },
  ...WORKLOAD_STRATEGIES,
];

export function validateNameFor(resource: string): NameValidator {
  switch (resource) {
    case 'namespaces':
      return checkDns1123Label;
    case 'services':
      return checkDns1035Label;
    default:
      return checkDns1123Subdomain;
  }
}
