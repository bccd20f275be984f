// The strategic merge patch metadata kubectl computes patches with (apply, edit, set): the
// list merge keys of a kind's schema, as upstream kubectl reads them from the Go types.

import { schemaForKind } from '../api/schema/registry';
import type { ResourceType } from '../api/scheme';
import { schemaPatchMeta } from '../apiserver/patch/patch-meta';
import type { PatchMeta } from '../apiserver/patch/strategic-merge';

/** The kind's patch metadata, or undefined for kinds without a schema (merge lists whole). */
export function patchMetaFor(type: Pick<ResourceType, 'group' | 'version' | 'kind'>): PatchMeta | undefined {
  const schema = schemaForKind(type.group, type.version, type.kind);
  return schema ? schemaPatchMeta(schema) : undefined;
}
