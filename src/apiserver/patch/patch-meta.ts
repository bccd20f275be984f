// Strategic merge patch metadata from the schema: for the field at a path of field names (list
// indices and map keys elided as the merge walks them), whether its list merges by a key,
// merges as a set of primitives, or is replaced whole. Upstream reads the same facts from the
// `patchStrategy`/`patchMergeKey` tags of the Go types.

import type { FieldSchema, StructSchema, TypeRef } from '../../api/schema/model';
import { schemaByName } from '../../api/schema/registry';
import type { ListStrategy, PatchMeta } from './strategic-merge';

/** The patch metadata of a kind, looked up through its schema. */
export function schemaPatchMeta(root: StructSchema): PatchMeta {
  return (path) => {
    let type: TypeRef = { kind: 'struct', name: root.name };
    let strategy: ListStrategy;
    for (const segment of path) {
      while (type.kind === 'list') type = type.items;
      if (type.kind === 'map') {
        type = type.values;
        strategy = undefined;
        continue;
      }
      if (type.kind !== 'struct') return undefined;
      const field: FieldSchema | undefined = schemaByName(type.name)?.byName.get(segment);
      if (!field) return undefined;
      type = field.type;
      const merges = field.patchStrategy?.split(',').includes('merge') ?? false;
      strategy = !merges ? undefined : field.patchMergeKey ? { mergeKey: field.patchMergeKey } : { set: true };
    }
    return strategy;
  };
}
