// kubectl get --sort-by over what was fetched, in the two places kubectl sorts. Human output:
// with several responses (kinds, or names each fetched alone) the Tables themselves are sorted
// by the path first, so it must name a Table field such as `.metadata.resourceVersion`; then
// each Table of two or more rows has its rows sorted by their objects, and a Table where no row
// has the value prints nothing (kubectl drops the printer's error). Other outputs sort the
// combined list of objects, which must be a list: one object asked for by name is left alone.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/get/get.go and sorter.go.

import type { KubeObject } from '../../api/meta';
import type { Table } from '../../apiserver/tables/table';
import { NoSortFieldError, sortBy } from '../printers/sort';
import type { Fetched } from './get-fetched';

/** The Tables to print, in order, each with its rows sorted; the ones with no value left out. */
export function sortTables(fetched: Fetched[], field: string, now: number): Fetched[] {
  const ordered = fetched.length > 1 ? sortBy(fetched, field, (f) => f.body, { site: 'objects', now }) : fetched;
  const printable: Fetched[] = [];
  for (const item of ordered) {
    const table = item.body as Table;
    if (table.rows.length <= 1) {
      printable.push(item);
      continue;
    }
    try {
      printable.push({ ...item, body: { ...table, rows: sortBy(table.rows, field, (row) => row.object, { site: 'rows', now }) } });
    } catch (error) {
      if (!(error instanceof NoSortFieldError)) throw error;
    }
  }
  return printable;
}

/** The objects in kubectl's order: a list sorted by the path, a single named object as it is. */
export function sortObjects(objects: KubeObject[], field: string, singleItemImplied: boolean, now: number): KubeObject[] {
  if (singleItemImplied && objects.length === 1) return objects;
  return sortBy(objects, field, (o) => o, { site: 'objects', now });
}
