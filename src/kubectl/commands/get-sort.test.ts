import { describe, expect, it } from 'vitest';
import { findKind } from '../../api/scheme';
import type { Table } from '../../apiserver/tables/table';
import type { Fetched } from './get-fetched';
import { sortObjects, sortTables } from './get-sort';

const PODS = findKind('v1', 'Pod')!;
const pod = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels } });

function table(resourceVersion: string, objects: ReturnType<typeof pod>[]): Fetched {
  const body: Table = { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion }, columnDefinitions: [], rows: objects.map((object) => ({ cells: [object.metadata.name], object })) };
  return { type: PODS, body };
}

const rowNames = (fetched: Fetched[]) => fetched.map((f) => (f.body as Table).rows.map((r) => r.cells[0]));

describe('kubectl get --sort-by over fetched tables and objects', () => {
  it('sorts each table of several rows by its objects', () => {
    expect(rowNames(sortTables([table('7', [pod('b'), pod('a')])], '.metadata.name', 0))).toEqual([['a', 'b']]);
  });

  it('leaves out a table where no row has the value, but keeps one of a single row', () => {
    expect(rowNames(sortTables([table('7', [pod('b'), pod('a')])], '.metadata.labels.app', 0))).toEqual([]);
    expect(rowNames(sortTables([table('7', [pod('b')])], '.metadata.labels.app', 0))).toEqual([['b']]);
  });

  it('sorts several tables by the tables themselves, so an object path fails there', () => {
    const fetched = [table('9', [pod('z')]), table('8', [pod('y')])];
    expect(rowNames(sortTables(fetched, '.metadata.resourceVersion', 0))).toEqual([['y'], ['z']]);
    expect(() => sortTables(fetched, '.metadata.name', 0)).toThrow('couldn\'t find any field with path "{.metadata.name}" in the list of objects');
  });

  it('sorts a list of objects, even of one, but not a single object asked for by name', () => {
    expect(() => sortObjects([pod('a')], '.spec.nope', false, 0)).toThrow('couldn\'t find any field');
    expect(sortObjects([pod('a')], '.spec.nope', true, 0)).toEqual([pod('a')]);
  });
});
