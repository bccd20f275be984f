// What kubectl get fetched from the server: one response body per resource type (a Table for
// human output, else a list or an object), and the Accept header that asks for Tables.

import type { KubeList, KubeObject } from '../../api/meta';
import type { ResourceType } from '../../api/scheme';
import type { Table } from '../../apiserver/tables/table';

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

export interface Fetched {
  type: ResourceType;
  /** A Table (human output) or a list/object (other formats). */
  body: Table | KubeList | KubeObject;
}
