import { describe, expect, it } from 'vitest';
import { KubectlError } from '../errors';
import { executeGoTemplate } from './execute';

const pods = {
  items: [
    { metadata: { name: 'web', labels: { app: 'web', tier: 'front' } }, status: { phase: 'Running' }, spec: { replicas: 3 } },
    { metadata: { name: 'db' }, status: { phase: 'Pending' } },
  ],
};

describe('kubectl go-template', () => {
  it('ranges over lists and maps (sorted by key) with variables', () => {
    expect(executeGoTemplate('{{range .items}}{{.metadata.name}} {{end}}', pods)).toBe('web db ');
    expect(executeGoTemplate('{{range $k, $v := (index .items 0).metadata.labels}}{{$k}}={{$v}};{{end}}', pods)).toBe('app=web;tier=front;');
  });

  it('branches with if / else if / else and comparisons', () => {
    const template = '{{range .items}}{{if eq .status.phase "Running"}}up{{else if eq .status.phase "Pending"}}wait{{else}}?{{end}}{{"\\n"}}{{end}}';
    expect(executeGoTemplate(template, pods)).toBe('up\nwait\n');
  });

  it('trims space around actions marked with dashes', () => {
    expect(executeGoTemplate('a  {{- "b" -}}  c', {})).toBe('abc');
  });

  it('prints missing map keys as <no value> and maps as Go does', () => {
    expect(executeGoTemplate('{{(index .items 1).metadata.labels}}', pods)).toBe('<no value>');
    expect(executeGoTemplate('{{(index .items 0).metadata.labels}}', pods)).toBe('map[app:web tier:front]');
  });

  it('formats with printf and counts with len', () => {
    expect(executeGoTemplate('{{printf "%s has %d items" "list" (len .items)}}', pods)).toBe('list has 2 items');
  });

  it('decodes secrets with base64decode', () => {
    expect(executeGoTemplate('{{.data.password | base64decode}}', { data: { password: 'c2VjcmV0' } })).toBe('secret');
  });

  it('rejects unclosed actions and unknown functions', () => {
    expect(() => executeGoTemplate('{{.items', pods)).toThrow(KubectlError);
    expect(() => executeGoTemplate('{{nope .items}}', pods)).toThrow('function "nope" not defined');
  });
});
