// Tables for configuration-like kinds: configmaps, secrets, service accounts and leases.
// Upstream: pkg/printers/internalversion/printers.go.

import type { ConfigMap, Secret, ServiceAccount } from '../../api/core';
import type { Lease } from '../../api/apps';
import { age } from '../../api/duration';
import { AGE_COLUMN, column, NAME_COLUMN, type TablePrinter } from './table';

export const configMapTable: TablePrinter<ConfigMap> = {
  columns: [NAME_COLUMN, column('Data', 'string', 'Data contains the configuration data.'), AGE_COLUMN],
  row(cm, now) {
    const count = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
    return [cm.metadata.name ?? '', count, age(cm.metadata.creationTimestamp, now)];
  },
};

export const secretTable: TablePrinter<Secret> = {
  columns: [NAME_COLUMN, column('Type', 'string', 'Used to facilitate programmatic handling of secret data.'), column('Data', 'string', 'Data contains the secret data.'), AGE_COLUMN],
  row(secret, now) {
    return [secret.metadata.name ?? '', secret.type ?? '', Object.keys(secret.data ?? {}).length, age(secret.metadata.creationTimestamp, now)];
  },
};

export const serviceAccountTable: TablePrinter<ServiceAccount> = {
  columns: [NAME_COLUMN, column('Secrets', 'string', 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.'), AGE_COLUMN],
  row(sa, now) {
    return [sa.metadata.name ?? '', (sa.secrets ?? []).length, age(sa.metadata.creationTimestamp, now)];
  },
};

export const leaseTable: TablePrinter<Lease> = {
  columns: [NAME_COLUMN, column('Holder', 'string', 'holderIdentity contains the identity of the holder of a current lease.'), AGE_COLUMN],
  row(lease, now) {
    return [lease.metadata.name ?? '', lease.spec?.holderIdentity ?? '', age(lease.metadata.creationTimestamp, now)];
  },
};
