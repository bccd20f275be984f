// Strategies for the namespaced kinds with little behaviour of their own: leases, configmaps,
// secrets and service accounts. Upstream: pkg/registry/core/*/strategy.go and
// pkg/registry/coordination/lease/strategy.go.

import type { Lease } from '../../api/apps';
import type { ConfigMap, Secret, ServiceAccount } from '../../api/core';
import { fieldError, type FieldError } from '../../api/field-errors';
import { findResource } from '../../api/scheme';
import type { Strategy } from '../registry/strategy';
import { configMapTable, leaseTable, secretTable, serviceAccountTable } from '../tables/config';

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

function validateDataKeys(keys: string[], field: string): FieldError[] {
  return keys
    .filter((key) => !CONFIG_KEY.test(key) || key.length > 253)
    .map((key) => fieldError.invalid(`${field}[${key}]`, key, "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"));
}

export const leaseStrategy: Strategy<Lease> = {
  type: findResource('coordination.k8s.io', 'v1', 'leases')!,
  allowCreateOnUpdate: true,
  defaults(lease) {
    lease.spec ??= {};
  },
  validate(lease) {
    const errs: FieldError[] = [];
    const duration = lease.spec.leaseDurationSeconds;
    if (duration !== undefined && duration <= 0) errs.push(fieldError.invalid('spec.leaseDurationSeconds', duration, 'must be greater than 0'));
    const transitions = lease.spec.leaseTransitions;
    if (transitions !== undefined && transitions < 0) errs.push(fieldError.invalid('spec.leaseTransitions', transitions, 'must be greater than or equal to 0'));
    return errs;
  },
  table: leaseTable,
};

function validateConfigMap(cm: ConfigMap): FieldError[] {
  return [...validateDataKeys(Object.keys(cm.data ?? {}), 'data'), ...validateDataKeys(Object.keys(cm.binaryData ?? {}), 'binaryData')];
}

export const configMapStrategy: Strategy<ConfigMap> = {
  type: findResource('', 'v1', 'configmaps')!,
  validate: validateConfigMap,
  validateUpdate(cm, old) {
    const errs = validateConfigMap(cm);
    if (old.immutable && (JSON.stringify(cm.data) !== JSON.stringify(old.data) || JSON.stringify(cm.binaryData) !== JSON.stringify(old.binaryData))) {
      errs.push(fieldError.forbidden('data', 'field is immutable when `immutable` is set'));
    }
    return errs;
  },
  table: configMapTable,
};

export const secretStrategy: Strategy<Secret> = {
  type: findResource('', 'v1', 'secrets')!,
  defaults(secret) {
    secret.type ??= 'Opaque';
    if (secret.stringData) {
      secret.data = { ...secret.data };
      for (const [key, value] of Object.entries(secret.stringData)) secret.data[key] = base64(value);
      delete secret.stringData;
    }
  },
  validate(secret) {
    const errs = validateDataKeys(Object.keys(secret.data ?? {}), 'data');
    for (const [key, value] of Object.entries(secret.data ?? {})) {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value)) errs.push(fieldError.invalid(`data[${key}]`, '<omitted>', 'illegal base64 data'));
    }
    return errs;
  },
  selectableFields(secret) {
    return { type: secret.type ?? '' };
  },
  table: secretTable,
};

export const serviceAccountStrategy: Strategy<ServiceAccount> = {
  type: findResource('', 'v1', 'serviceaccounts')!,
  table: serviceAccountTable,
};

/** UTF-8 text as standard base64. */
export function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
