import { describe, expect, it } from 'vitest';
import { compareKeys, printYaml } from './yaml-printer';

describe('YAML as kubectl prints it', () => {
  it('sorts keys, keeps sequences unindented under their key and writes empty collections inline', () => {
    const text = printYaml({ spec: { containers: [{ name: 'web', image: 'nginx', resources: {} }], volumes: [] }, apiVersion: 'v1' });
    expect(text).toBe('apiVersion: v1\nspec:\n  containers:\n  - image: nginx\n    name: web\n    resources: {}\n  volumes: []\n');
  });

  it('quotes strings that would read back as other types', () => {
    const text = printYaml({ status: 'True', count: '3', time: '2026-01-01T12:00:00Z', empty: '', plain: 'Running', nothing: null });
    expect(text).toBe('count: "3"\nempty: ""\nnothing: null\nplain: Running\nstatus: "True"\ntime: "2026-01-01T12:00:00Z"\n');
  });

  it('single-quotes strings with indicators and uses literal blocks for multi-line text', () => {
    expect(printYaml({ message: 'containers with unready status: [web]' })).toBe("message: 'containers with unready status: [web]'\n");
    expect(printYaml({ data: 'line one\nline two\n' })).toBe('data: |\n  line one\n  line two\n');
    expect(printYaml({ data: 'no newline\nat end' })).toBe('data: |-\n  no newline\n  at end\n');
  });

  it('orders digit runs by value as go-yaml does', () => {
    expect(['a10', 'a9', 'b', 'A', '-x'].sort(compareKeys)).toEqual(['-x', 'A', 'a9', 'a10', 'b']);
  });

  it('folds long plain strings past column 80', () => {
    const message = 'word '.repeat(30).trim();
    const lines = printYaml({ message }).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[1].startsWith('  word')).toBe(true);
  });
});
