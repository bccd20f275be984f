// Server-side tables (meta.k8s.io/v1 Table): what `kubectl get` prints, built in the API server
// so the real kubectl and kubetab's print the same rows. Upstream:
// pkg/printers/internalversion/printers.go.

import type { KubeObject } from '../../api/meta';

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

export interface TableColumn {
  name: string;
  type: ColumnType;
  format: string;
  description: string;
  /** 0 prints always; 1 only with `-o wide`. */
  priority: number;
}

export type Cell = string | number | boolean | null;

export interface TableRowOut {
  cells: Cell[];
  object: unknown;
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: TableColumn[];
  rows: TableRowOut[];
}

/** Turns objects of one resource into table rows; `now` is cluster time for AGE cells. */
export interface TablePrinter<T extends KubeObject = KubeObject> {
  columns: readonly TableColumn[];
  row(object: T, now: number): Cell[];
}

export function column(name: string, type: ColumnType, description: string, priority = 0, format = ''): TableColumn {
  return { name, type, format, description, priority };
}

export const NAME_COLUMN = column('Name', 'string', 'Name must be unique within a namespace.', 0, 'name');
export const AGE_COLUMN = column('Age', 'string', 'Time since the object was created.');
