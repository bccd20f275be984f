import { describe, expect, it } from 'vitest';
import { KubectlError } from '../errors';
import { NoSortFieldError, sortBy, stringLess } from './sort';

const NOW = new Date(2026, 10, 24, 9, 5, 7, 250).getTime();
const byPath = <T>(items: T[], field: string, site: 'rows' | 'objects' = 'objects') => sortBy(items, field, (i) => i, { site, now: NOW });
const names = (items: { name: string }[]) => items.map((i) => i.name);

function failure(run: () => unknown): KubectlError {
  try {
    run();
  } catch (error) {
    if (error instanceof KubectlError) return error;
    throw error;
  }
  throw new Error('expected the sort to fail');
}

describe('--sort-by', () => {
  it('orders strings byte by byte and quantities by value, as the real kubectl prints them', () => {
    const texts = ['x9', 'a9', '1k', 'a-b', '10', 'a10', '2m', 'a09', '9', 'a1', 'x10'];
    const order = (a: string, b: string) => (stringLess(a, b) ? -1 : stringLess(b, a) ? 1 : 0);
    expect([...texts].sort(order)).toEqual(['2m', '9', '10', '1k', 'a-b', 'a09', 'a1', 'a10', 'a9', 'x10', 'x9']);
  });

  it('sorts by a JSONPath value, keeping ties in order and missing values first', () => {
    const items = [
      { name: 'a', spec: { replicas: 3 } },
      { name: 'b', spec: {} },
      { name: 'c', spec: { replicas: 1 } },
      { name: 'd', spec: { replicas: 3 } },
    ];
    expect(names(byPath(items, '.spec.replicas'))).toEqual(['b', 'c', 'a', 'd']);
  });

  it('puts items without the value first in reverse, as Go sorts a short list with a Less that calls each of them smaller', () => {
    const items = [{ name: 'a' }, { name: 'b', labels: { x: '1' } }, { name: 'c' }];
    expect(names(byPath(items, '.labels.x'))).toEqual(['c', 'a', 'b']);
  });

  it('puts null values (events without a lastTimestamp) before present ones, in order', () => {
    const items = [
      { name: 'pulled', lastTimestamp: '2026-11-24T09:00:02Z' },
      { name: 'scheduled', lastTimestamp: null },
      { name: 'started', lastTimestamp: '2026-11-24T09:00:01Z' },
      { name: 'killing', lastTimestamp: null },
    ];
    expect(names(byPath(items, '.lastTimestamp'))).toEqual(['scheduled', 'killing', 'started', 'pulled']);
  });

  it('stops with klog fatal line when two values cannot be ordered, naming where Go sorted them', () => {
    const pods = [
      { name: 'a', ready: true },
      { name: 'b', ready: false },
    ];
    const rows = failure(() => byPath(pods, '.ready', 'rows'));
    expect(rows.message).toBe('F1124 09:05:07.250000       1 sorter.go:375] Field {.ready} in [][][]reflect.Value is an unsortable type: interface, err: unsortable type: bool');
    expect(rows.exitCode).toBe(1);
    const labels = [
      { name: 'a', labels: { app: 'x' } },
      { name: 'b', labels: { app: 'y' } },
    ];
    expect(failure(() => byPath(labels, 'labels')).message).toBe(
      'F1124 09:05:07.250000       1 sorter.go:329] Field {.labels} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: map[string]interface {}',
    );
    expect(failure(() => byPath([{ v: [1] }, { v: [2] }], '.v')).message).toMatch(/err: unsortable type: \[\]interface \{\}$/);
  });

  it('refuses to order values of different Go types: a string and a number, or a whole and a fractional number', () => {
    expect(failure(() => byPath([{ v: 'a' }, { v: 1 }], '.v')).message).toMatch(/err: unsortable interface: interface$/);
    expect(failure(() => byPath([{ v: 1 }, { v: 1.5 }], '.v')).message).toMatch(/err: unsortable interface: interface$/);
    expect(byPath([{ v: 2.5 }, { v: 1.5 }], '.v')).toEqual([{ v: 1.5 }, { v: 2.5 }]);
  });

  it('says when no item has the value, and leaves an empty list alone', () => {
    const error = failure(() => byPath([{ name: 'a' }], '.spec.nope'));
    expect(error).toBeInstanceOf(NoSortFieldError);
    expect(error.message).toBe('error: couldn\'t find any field with path "{.spec.nope}" in the list of objects');
    expect(byPath([], '.spec.nope')).toEqual([]);
  });
});
