// What an update takes from the stored object rather than from the request: a main-resource
// write keeps the stored status, a status write keeps everything but status, and a status
// writer's metadata (labels, annotations, finalizers, owners) is kept where it left it out.
// Upstream: each strategy's PrepareForUpdate / PrepareForUpdate on the status strategy.

import type { KubeObject } from '../../api/meta';
import { clone } from '../../api/objects';

/** A main-resource update keeps the stored status. */
export function keepStatus(object: KubeObject, old: KubeObject): void {
  if (old.status === undefined) delete object.status;
  else object.status = clone(old.status);
}

/** A status update keeps every top-level field but status (metadata is handled apart). */
export function keepAllButStatus(object: KubeObject, old: KubeObject): void {
  for (const field of Object.keys(object)) if (field !== 'status' && field !== 'metadata') delete object[field];
  for (const [field, value] of Object.entries(old)) if (field !== 'status' && field !== 'metadata') object[field] = clone(value);
}

const STATUS_WRITABLE_METADATA = ['labels', 'annotations', 'finalizers', 'ownerReferences'] as const;

/** The metadata a status writer may change but left out stays as stored. */
export function keepMetadataNotSent(object: KubeObject, old: KubeObject): void {
  for (const field of STATUS_WRITABLE_METADATA) {
    if (object.metadata[field] !== undefined || old.metadata[field] === undefined) continue;
    (object.metadata as Record<string, unknown>)[field] = clone(old.metadata[field]);
  }
}
