// Every resource's strategy, and which name rule each resource's objects follow.

import { checkDns1035Label, checkDns1123Label, checkDns1123Subdomain } from '../../api/validation/names';
import { findResource } from '../../api/scheme';
import type { NameValidator } from '../registry/object-meta';
import type { AnyStrategy } from '../registry/strategy';
import { deploymentStrategy, replicaSetStrategy } from './apps';
import { namespaceStrategy, nodeStrategy } from './cluster-objects';
import { endpointSliceStrategy, endpointsStrategy } from './endpoints';
import { eventStrategy, eventsV1Strategy } from './events';
import { jobStrategy } from './jobs';
import { configMapStrategy, leaseStrategy, secretStrategy, serviceAccountStrategy } from './namespaced-objects';
import { podStrategy } from './pods';
import { serviceStrategy } from './services';

/** Kinds that are created and answered but never stored (binding, the self reviews). */
const VIRTUAL = [
  findResource('', 'v1', 'bindings')!,
  findResource('authentication.k8s.io', 'v1', 'selfsubjectreviews')!,
  findResource('authorization.k8s.io', 'v1', 'selfsubjectaccessreviews')!,
  findResource('authorization.k8s.io', 'v1', 'selfsubjectrulesreviews')!,
].map((type): AnyStrategy => ({ type }));

export const STRATEGIES: readonly AnyStrategy[] = [
  podStrategy,
  nodeStrategy,
  namespaceStrategy,
  eventStrategy,
  eventsV1Strategy,
  leaseStrategy,
  configMapStrategy,
  secretStrategy,
  serviceAccountStrategy,
  serviceStrategy,
  endpointsStrategy,
  endpointSliceStrategy,
  deploymentStrategy,
  replicaSetStrategy,
  jobStrategy,
  ...VIRTUAL,
] as readonly AnyStrategy[];

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
