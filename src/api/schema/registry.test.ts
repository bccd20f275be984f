import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../scheme';
import { allSchemas, schemaByName, schemaForKind } from './registry';

describe('the schema', () => {
  it('has a schema for every served kind', () => {
    for (const type of RESOURCES) expect(schemaForKind(type.group, type.version, type.kind), type.kind).toBeDefined();
  });

  it('merges lists only by keys their items have, and map-lists only by fields they have', () => {
    for (const schema of allSchemas().values()) {
      for (const field of schema.fields) {
        if (field.type.kind !== 'list' || field.type.items.kind !== 'struct') continue;
        const item = schemaByName(field.type.items.name)!;
        if (field.patchMergeKey) expect(item.byName.has(field.patchMergeKey), `${schema.goName}.${field.name}`).toBe(true);
        for (const key of field.listMapKeys ?? []) expect(item.byName.has(key), `${schema.goName}.${field.name}`).toBe(true);
      }
    }
  });

  it('numbers protobuf fields uniquely within each message', () => {
    for (const schema of allSchemas().values()) {
      const numbers = [...schema.ownFields.filter((f) => f.proto > 0).map((f) => f.proto), ...schema.inlines.map((i) => i.proto)];
      expect(new Set(numbers).size, schema.goName).toBe(numbers.length);
    }
  });

  it('knows the patch strategies kubectl apply relies on', () => {
    const podSpec = schemaByName('io.k8s.api.core.v1.PodSpec')!;
    expect(podSpec.byName.get('containers')).toMatchObject({ patchStrategy: 'merge', patchMergeKey: 'name' });
    expect(podSpec.byName.get('volumes')).toMatchObject({ patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' });
    expect(schemaByName('io.k8s.api.core.v1.ServiceSpec')!.byName.get('ports')).toMatchObject({ patchMergeKey: 'port', listMapKeys: ['port', 'protocol'] });
    expect(schemaByName('io.k8s.api.apps.v1.DeploymentSpec')!.byName.get('strategy')).toMatchObject({ patchStrategy: 'retainKeys' });
  });
});
