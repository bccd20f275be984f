// The Service strategy: defaults (type ClusterIP, protocol TCP, targetPort = port, session
// affinity None, traffic policies Cluster), IP families, cluster IP and node port allocation,
// what an update keeps (an unset cluster IP or node port keeps the allocated one; a type change
// drops what the new type does not use), and validation with upstream's paths and messages.
// Upstream: pkg/apis/core/v1/defaults.go (SetDefaults_Service), pkg/registry/core/service and
// pkg/apis/core/validation/validation.go (ValidateService).

import type { Service } from '../../api/core';
import { fieldError, type FieldError } from '../../api/field-errors';
import { goStringSlice } from '../../api/go-literal';
import { findResource } from '../../api/scheme';
import { validateLabels } from '../../api/validation/names';
import { errors } from '../errors';
import type { Strategy, StrategyContext } from '../registry/strategy';
import { serviceTable } from '../tables/networking';
import { allocateClusterIP, allocateNodePorts } from './service-allocation';
import { validateServiceSpec } from './service-validation';

const SERVICES = findResource('', 'v1', 'services')!;

function externallyAccessible(service: Service): boolean {
  const type = service.spec.type;
  return type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && (service.spec.externalIPs ?? []).length > 0);
}

export function defaultService(service: Service): void {
  const spec = (service.spec ??= {});
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  spec.type ||= 'ClusterIP';
  for (const port of spec.ports ?? []) {
    port.protocol ||= 'TCP';
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
  }
  if (externallyAccessible(service)) spec.externalTrafficPolicy ||= 'Cluster';
  if (spec.internalTrafficPolicy === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) spec.internalTrafficPolicy = 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
}

function needsClusterIP(service: Service): boolean {
  return service.spec.type !== 'ExternalName';
}

/** IP families: a single-stack IPv4 cluster; headless Services without a selector require dual-stack. */
function setIPFamilies(service: Service): void {
  const spec = service.spec;
  if (!needsClusterIP(service)) return;
  const headless = spec.clusterIP === 'None';
  const selectorless = Object.keys(spec.selector ?? {}).length === 0;
  spec.ipFamilyPolicy ??= headless && selectorless ? 'RequireDualStack' : 'SingleStack';
  spec.ipFamilies ??= ['IPv4'];
  if (headless) spec.clusterIPs = ['None'];
}

/** Allocates what the Service needs and does not hold yet; `old` is the stored Service on update. */
function allocate(service: Service, context: StrategyContext, old?: Service, keptPorts?: ReadonlySet<number>): void {
  const invalid = validateServiceSpec(service);
  if (invalid.length > 0) throw errors.invalid('Service', '', service.metadata.name ?? '', invalid);
  const errs: FieldError[] = [];
  const held = old?.spec.clusterIPs?.[0];
  if (needsClusterIP(service) && service.spec.clusterIP !== 'None' && !(held && held === service.spec.clusterIP)) {
    errs.push(...allocateClusterIP(service, context.lookup));
  }
  if (service.spec.type === 'NodePort' || service.spec.type === 'LoadBalancer') errs.push(...allocateNodePorts(service, context.lookup, keptPorts));
  if (errs.length > 0) throw errors.invalid('Service', '', service.metadata.name ?? '', errs);
}

/** On update, unset allocated values keep the old ones; a type change drops what no longer applies. */
function carryAllocations(service: Service, old: Service): Set<number> {
  const spec = service.spec;
  const was = old.spec;
  const kept = new Set<number>();
  if (needsClusterIP(service) && needsClusterIP(old)) {
    if (!spec.clusterIP && was.clusterIP) spec.clusterIP = was.clusterIP;
    if (!spec.clusterIPs && was.clusterIPs) spec.clusterIPs = [...was.clusterIPs];
    if (!spec.ipFamilies && was.ipFamilies) spec.ipFamilies = [...was.ipFamilies];
    if (!spec.ipFamilyPolicy && was.ipFamilyPolicy) spec.ipFamilyPolicy = was.ipFamilyPolicy;
  }
  if (!needsClusterIP(service)) {
    if (spec.clusterIP === was.clusterIP) delete spec.clusterIP;
    if (JSON.stringify(spec.clusterIPs) === JSON.stringify(was.clusterIPs)) delete spec.clusterIPs;
    delete spec.ipFamilies;
    delete spec.ipFamilyPolicy;
    delete spec.internalTrafficPolicy;
  }
  const usesNodePorts = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
  for (const port of spec.ports ?? []) {
    const previous = (was.ports ?? []).find((p) => p.port === port.port && (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP'));
    if (usesNodePorts && !port.nodePort && previous?.nodePort) port.nodePort = previous.nodePort;
    if (!usesNodePorts && port.nodePort && port.nodePort === previous?.nodePort) delete port.nodePort;
    if (port.nodePort && port.nodePort === previous?.nodePort) kept.add(port.nodePort);
  }
  if (was.healthCheckNodePort) kept.add(was.healthCheckNodePort);
  if (spec.type !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts === was.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
    if (spec.loadBalancerClass === was.loadBalancerClass) delete spec.loadBalancerClass;
  }
  if (!externallyAccessible(service) && spec.externalTrafficPolicy === was.externalTrafficPolicy) delete spec.externalTrafficPolicy;
  return kept;
}

function validateUpdate(service: Service, old: Service): FieldError[] {
  const errs = validateServiceSpec(service);
  const was = old.spec.clusterIPs ?? [];
  const now = service.spec.clusterIPs ?? [];
  if (needsClusterIP(service) && needsClusterIP(old) && was.length > 0 && now[0] !== was[0]) {
    errs.push(fieldError.invalid('spec.clusterIPs[0]', goStringSlice(now), 'may not change once set'));
  }
  return errs;
}

export const serviceStrategy: Strategy<Service> = {
  type: SERVICES,
  hasStatus: true,
  returnsDeletedObject: true,
  defaults: defaultService,
  prepareForCreate(service, context) {
    service.status = {};
    setIPFamilies(service);
    allocate(service, context);
  },
  prepareForUpdate(service, old, context) {
    const kept = carryAllocations(service, old);
    setIPFamilies(service);
    allocate(service, context, old, kept);
  },
  validate(service) {
    return [...validateServiceSpec(service), ...validateLabels(service.spec.selector, 'spec.selector')];
  },
  validateUpdate(service, old) {
    return [...validateUpdate(service, old), ...validateLabels(service.spec.selector, 'spec.selector')];
  },
  table: serviceTable,
};
