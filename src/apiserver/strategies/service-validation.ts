// Service validation with upstream's field paths and messages: type, session affinity, ports
// (names, numbers, protocols, target ports, node ports only where the type uses them, no
// duplicates), cluster IPs, external names and traffic policies. Upstream:
// pkg/apis/core/validation/validation.go (ValidateService).

import type { Service, ServicePort } from '../../api/core';
import { fieldError, GoLiteral, goQuote, type FieldError } from '../../api/field-errors';
import { checkDns1123Label, checkDns1123Subdomain } from '../../api/validation/names';
import { isIPv4 } from './service-allocation';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const AFFINITIES = ['ClientIP', 'None'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
const PORT_RANGE = 'must be between 1 and 65535, inclusive';

/** IANA service-name rules for named ports (validation.IsValidPortName). */
export function portNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length > 15) problems.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) problems.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) problems.push('must contain at least one letter (a-z)');
  if (name.includes('--')) problems.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) problems.push('must not begin or end with a hyphen');
  return problems;
}

function goServicePort(port: ServicePort): GoLiteral {
  const target = typeof port.targetPort === 'string' ? `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(port.targetPort)}}` : `intstr.IntOrString{Type:0, IntVal:${port.targetPort ?? 0}, StrVal:""}`;
  const app = port.appProtocol === undefined ? '(*string)(nil)' : `&${goQuote(port.appProtocol)}`;
  return new GoLiteral(`core.ServicePort{Name:${goQuote(port.name ?? '')}, Protocol:${goQuote(port.protocol ?? '')}, AppProtocol:${app}, Port:${port.port}, TargetPort:${target}, NodePort:${port.nodePort ?? 0}}`);
}

function validatePorts(service: Service): FieldError[] {
  const spec = service.spec;
  const ports = spec.ports ?? [];
  const errs: FieldError[] = [];
  const headless = spec.clusterIP === 'None';
  if (ports.length === 0 && spec.type !== 'ExternalName' && !headless) errs.push(fieldError.required('spec.ports', ''));
  const names = new Set<string>();
  const seen = new Set<string>();
  ports.forEach((port, i) => {
    const at = `spec.ports[${i}]`;
    if (ports.length > 1 && !port.name) errs.push(fieldError.required(`${at}.name`, ''));
    if (port.name) {
      for (const problem of checkDns1123Label(port.name)) errs.push(fieldError.invalid(`${at}.name`, port.name, problem));
      if (names.has(port.name)) errs.push(fieldError.duplicate(`${at}.name`, port.name));
      names.add(port.name);
    }
    if (!(port.port >= 1 && port.port <= 65535)) errs.push(fieldError.invalid(`${at}.port`, port.port, PORT_RANGE));
    if (!PROTOCOLS.includes(port.protocol ?? '')) errs.push(fieldError.notSupported(`${at}.protocol`, port.protocol ?? '', PROTOCOLS));
    if (typeof port.targetPort === 'number' && !(port.targetPort >= 1 && port.targetPort <= 65535)) errs.push(fieldError.invalid(`${at}.targetPort`, port.targetPort, PORT_RANGE));
    if (typeof port.targetPort === 'string') for (const problem of portNameProblems(port.targetPort)) errs.push(fieldError.invalid(`${at}.targetPort`, port.targetPort, problem));
    if (port.nodePort && spec.type === 'ClusterIP') errs.push(fieldError.forbidden(`${at}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
    if (port.nodePort && spec.type === 'ExternalName') errs.push(fieldError.forbidden(`${at}.nodePort`, "may not be used when `type` is 'ExternalName'"));
    const key = `${port.port}/${port.protocol}`;
    if (seen.has(key)) errs.push(fieldError.duplicate(at, goServicePort(port)));
    seen.add(key);
  });
  return errs;
}

function validateAddresses(service: Service): FieldError[] {
  const spec = service.spec;
  const errs: FieldError[] = [];
  if (spec.type === 'ExternalName') {
    if (spec.clusterIP) errs.push(fieldError.forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if (!spec.externalName) errs.push(fieldError.required('spec.externalName', ''));
    else for (const problem of checkDns1123Subdomain(spec.externalName.replace(/\.$/, ''))) errs.push(fieldError.invalid('spec.externalName', spec.externalName, problem));
    return errs;
  }
  const ips = spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : []);
  if (spec.clusterIP && ips[0] !== undefined && spec.clusterIP !== ips[0]) errs.push(fieldError.invalid('spec.clusterIPs', spec.clusterIPs, 'first value must match `clusterIP`'));
  ips.forEach((ip, i) => {
    if (ip === 'None') {
      if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') errs.push(fieldError.invalid(`spec.clusterIPs[${i}]`, ip, `may not be set to 'None' for ${spec.type} services`));
    } else if (!isIPv4(ip)) {
      errs.push(fieldError.invalid(`spec.clusterIPs[${i}]`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
    }
  });
  (spec.externalIPs ?? []).forEach((ip, i) => {
    if (!isIPv4(ip)) errs.push(fieldError.invalid(`spec.externalIPs[${i}]`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  });
  return errs;
}

export function validateServiceSpec(service: Service): FieldError[] {
  const spec = service.spec;
  const errs: FieldError[] = [];
  if (!TYPES.includes(spec.type ?? '')) errs.push(fieldError.notSupported('spec.type', spec.type ?? '', TYPES));
  if (!AFFINITIES.includes(spec.sessionAffinity ?? '')) errs.push(fieldError.notSupported('spec.sessionAffinity', spec.sessionAffinity ?? '', AFFINITIES));
  errs.push(...validatePorts(service), ...validateAddresses(service));
  if (spec.externalTrafficPolicy && !TRAFFIC_POLICIES.includes(spec.externalTrafficPolicy)) {
    errs.push(fieldError.notSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, TRAFFIC_POLICIES));
  }
  if (spec.internalTrafficPolicy && !TRAFFIC_POLICIES.includes(spec.internalTrafficPolicy)) {
    errs.push(fieldError.notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, TRAFFIC_POLICIES));
  }
  if (spec.ipFamilyPolicy && !FAMILY_POLICIES.includes(spec.ipFamilyPolicy)) errs.push(fieldError.notSupported('spec.ipFamilyPolicy', spec.ipFamilyPolicy, FAMILY_POLICIES));
  (spec.ipFamilies ?? []).forEach((family, i) => {
    if (family !== 'IPv4' && family !== 'IPv6') errs.push(fieldError.notSupported(`spec.ipFamilies[${i}]`, family, ['IPv4', 'IPv6']));
    else if (family === 'IPv6') errs.push(fieldError.invalid(`spec.ipFamilies[${i}]`, family, 'not configured on this cluster'));
  });
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.type !== 'LoadBalancer') {
    errs.push(fieldError.forbidden('spec.allocateLoadBalancerNodePorts', 'may only be used when `type` is \'LoadBalancer\''));
  }
  return errs;
}
