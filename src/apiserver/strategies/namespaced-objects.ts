// Strategies for the namespaced kinds with little behaviour of their own: events, leases,
// configmaps, secrets and service accounts. Upstream: pkg/registry/core/*/strategy.go.

import type { Lease } from '../../api/apps';
import type { ConfigMap, CoreEvent, Secret, ServiceAccount } from '../../api/core';
import { fieldError, type FieldError } from '../../api/field-errors';
import { findResource } from '../../api/scheme';
import type { Strategy } from '../registry/strategy';
import { configMapTable, leaseTable, secretTable, serviceAccountTable } from '../tables/config';
import { eventTable } from '../tables/events';

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

function validateDataKeys(keys: string[], field: string): FieldError[] {
  return keys
    .filter((key) => !CONFIG_KEY.test(key) || key.length > 253)
    .map((key) => fieldError.invalid(`${field}[${key}]`, key, "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"));
}

export const eventStrategy: Strategy<CoreEvent> = {
  type: findResource('', 'v1', 'events')!,
  defaults(event) {
    event.involvedObject ??= {};
  },
  validate(event) {
    const errs: FieldError[] = [];
    if (event.involvedObject.namespace !== event.metadata.namespace && event.involvedObject.namespace) {
      errs.push(fieldError.invalid('involvedObject.namespace', event.involvedObject.namespace, 'does not match event.namespace'));
    }
    return errs;
  },
  selectableFields(event) {
    const involved = event.involvedObject ?? {};
    return {
      'involvedObject.kind': involved.kind ?? '',
      'involvedObject.namespace': involved.namespace ?? '',
      'involvedObject.name': involved.name ?? '',
      'involvedObject.uid': involved.uid ?? '',
      'involvedObject.apiVersion': involved.apiVersion ?? '',
      'involvedObject.resourceVersion': involved.resourceVersion ?? '',
      'involvedObject.fieldPath': involved.fieldPath ?? '',
      reason: event.reason ?? '',
      reportingComponent: event.reportingComponent ?? '',
      source: event.source?.component ?? '',
      type: event.type ?? '',
    };
  },
  table: eventTable,
};

export const leaseStrategy: Strategy<Lease> = {
  type: findResource('coordination.k8s.io', 'v1', 'leases')!,
  defaults(lease) {
    lease.spec ??= {};
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
