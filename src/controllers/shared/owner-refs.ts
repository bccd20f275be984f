// Controller owner references and adoption: a workload owns the objects it made through an
// ownerReference with controller and blockOwnerDeletion set; it adopts orphans its selector
// matches and releases owned objects its selector no longer matches. Upstream:
// pkg/controller/controller_ref_manager.go (ClaimPods, ClaimReplicaSets).

import type { KubeObject, OwnerReference } from '../../api/meta';
import { controllerOf } from '../../api/meta';
import type { ResourceType } from '../../api/scheme';
import { isNotFound, type ApiClient } from '../../client/client';

export function controllerReference(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

export interface ClaimOptions<T extends KubeObject> {
  client: ApiClient;
  type: ResourceType;
  owner: KubeObject;
  /** Whether the owner's selector matches the object. */
  selects(object: T): boolean;
  /** Re-reads the owner: adoption only proceeds while it still exists with the same uid. */
  canAdopt(): Promise<boolean>;
}

/**
 * The objects `owner` controls after adopting matching orphans and releasing owned objects
 * that no longer match. Objects owned by another controller are never touched.
 */
export async function claim<T extends KubeObject>(candidates: readonly T[], options: ClaimOptions<T>): Promise<T[]> {
  const { owner } = options;
  const uid = owner.metadata.uid;
  const claimed: T[] = [];
  let adoptable: boolean | undefined;
  for (const object of candidates) {
    const ref = controllerOf(object.metadata);
    if (ref) {
      if (ref.uid !== uid) continue;
      if (options.selects(object) || owner.metadata.deletionTimestamp) {
        claimed.push(object);
        continue;
      }
      if (!object.metadata.deletionTimestamp) await release(options, object);
      continue;
    }
    if (owner.metadata.deletionTimestamp || object.metadata.deletionTimestamp || !options.selects(object)) continue;
    adoptable ??= await options.canAdopt();
    if (!adoptable) continue;
    const adopted = await adopt(options, object);
    if (adopted) claimed.push(adopted);
  }
  return claimed;
}

async function adopt<T extends KubeObject>(options: ClaimOptions<T>, object: T): Promise<T | undefined> {
  const refs = [...(object.metadata.ownerReferences ?? []), controllerReference(options.owner)];
  try {
    return await options.client.patch<T>(options.type, object.metadata.namespace, object.metadata.name ?? '', {
      metadata: { ownerReferences: refs, uid: object.metadata.uid },
    });
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

async function release<T extends KubeObject>(options: ClaimOptions<T>, object: T): Promise<void> {
  const refs = (object.metadata.ownerReferences ?? []).filter((r) => r.uid !== options.owner.metadata.uid);
  try {
    await options.client.patch(options.type, object.metadata.namespace, object.metadata.name ?? '', {
      metadata: { ownerReferences: refs.length > 0 ? refs : null, uid: object.metadata.uid },
    });
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}
