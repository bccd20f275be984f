// Content negotiation: whether a client asked for a server-side Table (as kubectl get does)
// and the conversion of objects and lists into one. Upstream:
// staging/src/k8s.io/apiserver/pkg/endpoints/handlers/response.go (asTable).

import type { KubeList, KubeObject } from '../api/meta';
import { errors } from './errors';
import { queryValue, type ApiRequest } from './request';
import type { Table, TablePrinter } from './tables/table';
import { AGE_COLUMN, NAME_COLUMN } from './tables/table';
import { age } from '../api/duration';

export type Representation = 'object' | 'table';

/** Reads the Accept header: a Table when the client lists it, else the object. */
export function representation(req: ApiRequest): Representation {
  const accept = req.headers?.accept ?? '';
  if (accept === '') return 'object';
  for (const media of accept.split(',')) {
    const params = media.split(';').map((p) => p.trim());
    const type = params[0];
    if (type !== 'application/json' && type !== '*/*' && type !== 'application/*' && type !== '') continue;
    const values: Record<string, string> = {};
    for (const p of params.slice(1)) {
      const eq = p.indexOf('=');
      if (eq > 0) values[p.slice(0, eq)] = p.slice(eq + 1);
    }
    if (values.as === 'Table' && values.g === 'meta.k8s.io' && (values.v === 'v1' || values.v === 'v1beta1')) return 'table';
    if (values.as === undefined) return 'object';
  }
  if (accept && !/application\/json|\*\/\*|application\/\*/.test(accept)) {
    throw errors.notAcceptable(`only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
  }
  return 'object';
}

type IncludeObject = 'None' | 'Metadata' | 'Object';

function includeObject(req: ApiRequest): IncludeObject {
  const value = queryValue(req.query, 'includeObject') ?? 'Metadata';
  if (value !== 'None' && value !== 'Metadata' && value !== 'Object') {
    throw errors.badRequest(`includeObject: Unsupported value: "${value}": supported values: "Metadata", "None", "Object"`);
  }
  return value;
}

const DEFAULT_PRINTER: TablePrinter = {
  columns: [NAME_COLUMN, AGE_COLUMN],
  row: (object, now) => [object.metadata.name ?? '', age(object.metadata.creationTimestamp, now)],
};

function rowObject(object: KubeObject, include: IncludeObject): unknown {
  if (include === 'None') return null;
  if (include === 'Object') return object;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata };
}

export function toTable(
  req: ApiRequest,
  printer: TablePrinter | undefined,
  objects: readonly KubeObject[],
  listMeta: KubeList['metadata'] | undefined,
  now: number,
  withHeaders = true,
): Table {
  const use = printer ?? DEFAULT_PRINTER;
  const include = includeObject(req);
  const metadata: Table['metadata'] = {};
  if (listMeta?.resourceVersion) metadata.resourceVersion = listMeta.resourceVersion;
  if (listMeta?.continue) metadata.continue = listMeta.continue;
  if (listMeta?.remainingItemCount !== undefined) metadata.remainingItemCount = listMeta.remainingItemCount;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: withHeaders ? [...use.columns] : [],
    rows: objects.map((object) => ({ cells: use.row(object, now), object: rowObject(object, include) })),
  };
}
