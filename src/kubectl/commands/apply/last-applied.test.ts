import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/meta';
import { LAST_APPLIED, lastAppliedValue, withSavedConfig } from './last-applied';

const CONFIG: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { a: '1' } };

describe('lastAppliedValue', () => {
  it('omits an empty annotations map for typed objects and keeps it for unstructured ones', () => {
    expect(lastAppliedValue(CONFIG)).toBe('{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"name":"c","namespace":"default"}}\n');
    expect(lastAppliedValue(CONFIG, true)).toBe('{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"c","namespace":"default"}}\n');
  });

  it('leaves the annotation itself out', () => {
    const annotated = { ...CONFIG, metadata: { ...CONFIG.metadata, annotations: { [LAST_APPLIED]: 'old', note: 'x' } } };
    expect(lastAppliedValue(annotated, true)).toContain('"annotations":{"note":"x"}');
  });
});

describe('withSavedConfig', () => {
  it('sends the object as it is without --save-config or an annotation to keep up to date', () => {
    expect(withSavedConfig(CONFIG, false)).toBe(CONFIG);
  });

  it('records the object with --save-config', () => {
    expect(withSavedConfig(CONFIG, true).metadata.annotations).toEqual({ [LAST_APPLIED]: lastAppliedValue(CONFIG, true) });
  });

  it('brings an annotation the object carries up to date', () => {
    const annotated = { ...CONFIG, metadata: { ...CONFIG.metadata, annotations: { [LAST_APPLIED]: '{"data":{"a":"0"}}' } } };
    expect(withSavedConfig(annotated, false).metadata.annotations?.[LAST_APPLIED]).toBe(lastAppliedValue(CONFIG, true));
  });
});
