// Strategies for Endpoints and EndpointSlices: port protocol defaults and validation of
// addresses, ports and address types. Endpoints accept create-on-update, as upstream's do.
// Upstream: pkg/registry/core/endpoint/strategy.go, pkg/registry/discovery/endpointslice and
// pkg/apis/{core,discovery}/validation.

import type { EndpointSlice } from '../../api/apps';
import type { Endpoints } from '../../api/core';
import { fieldError, type FieldError } from '../../api/field-errors';
import { findResource } from '../../api/scheme';
import type { Strategy } from '../registry/strategy';
import { endpointSliceTable, endpointsTable } from '../tables/networking';
import { isIPv4 } from './service-allocation';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const IP_DETAIL = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

function validatePort(port: { port?: number; protocol?: string }, at: string): FieldError[] {
  const errs: FieldError[] = [];
  if (port.port !== undefined && !(port.port >= 1 && port.port <= 65535)) errs.push(fieldError.invalid(`${at}.port`, port.port, 'must be between 1 and 65535, inclusive'));
  if (port.protocol !== undefined && !PROTOCOLS.includes(port.protocol)) errs.push(fieldError.notSupported(`${at}.protocol`, port.protocol, PROTOCOLS));
  return errs;
}

function validateEndpoints(endpoints: Endpoints): FieldError[] {
  const errs: FieldError[] = [];
  (endpoints.subsets ?? []).forEach((subset, i) => {
    const at = `subsets[${i}]`;
    for (const [field, list] of [['addresses', subset.addresses], ['notReadyAddresses', subset.notReadyAddresses]] as const) {
      (list ?? []).forEach((address, j) => {
        if (!isIPv4(address.ip)) errs.push(fieldError.invalid(`${at}.${field}[${j}].ip`, address.ip, IP_DETAIL));
      });
    }
    (subset.ports ?? []).forEach((port, j) => errs.push(...validatePort(port, `${at}.ports[${j}]`)));
  });
  return errs;
}

export const endpointsStrategy: Strategy<Endpoints> = {
  type: findResource('', 'v1', 'endpoints')!,
  allowCreateOnUpdate: true,
  defaults(endpoints) {
    for (const subset of endpoints.subsets ?? []) for (const port of subset.ports ?? []) port.protocol ||= 'TCP';
  },
  validate: validateEndpoints,
  table: endpointsTable,
};

function validateSlice(slice: EndpointSlice): FieldError[] {
  const errs: FieldError[] = [];
  if (!ADDRESS_TYPES.includes(slice.addressType)) errs.push(fieldError.notSupported('addressType', slice.addressType, ADDRESS_TYPES));
  const endpoints = slice.endpoints ?? [];
  if (endpoints.length > 1000) errs.push(fieldError.tooMany('endpoints', endpoints.length, 1000));
  endpoints.forEach((endpoint, i) => {
    const at = `endpoints[${i}].addresses`;
    if (endpoint.addresses.length === 0 || endpoint.addresses.length > 100) errs.push(fieldError.invalid(at, endpoint.addresses.length, 'must contain at least 1 and at most 100 addresses'));
    endpoint.addresses.forEach((address, j) => {
      if (slice.addressType === 'IPv4' && !isIPv4(address)) errs.push(fieldError.invalid(`${at}[${j}]`, address, IP_DETAIL));
    });
  });
  (slice.ports ?? []).forEach((port, i) => errs.push(...validatePort(port, `ports[${i}]`)));
  return errs;
}

export const endpointSliceStrategy: Strategy<EndpointSlice> = {
  type: findResource('discovery.k8s.io', 'v1', 'endpointslices')!,
  defaults(slice) {
    for (const port of slice.ports ?? []) {
      port.protocol ??= 'TCP';
      port.name ??= '';
    }
  },
  validate: validateSlice,
  validateUpdate(slice, old) {
    const errs = validateSlice(slice);
    if (slice.addressType !== old.addressType) errs.push(fieldError.invalid('addressType', slice.addressType, 'field is immutable'));
    return errs;
  },
  table: endpointSliceTable,
};
