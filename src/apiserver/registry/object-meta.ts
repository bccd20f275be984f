// The object-metadata rules every resource shares on create and update: generated names, uids,
// timestamps, generation, and ObjectMeta validation. Upstream:
// staging/src/k8s.io/apiserver/pkg/registry/rest/create.go, update.go and
// staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go.

import { fieldError, type FieldError } from '../../api/field-errors';
import type { KubeObject, ObjectMeta } from '../../api/meta';
import { generateName, uuid } from '../../api/names';
import { validateAnnotations, validateLabels } from '../../api/validation/names';

export type NameValidator = (name: string) => string[];

/** Fills in what the server owns on create. */
export function prepareMetaForCreate(object: KubeObject, namespace: string | undefined, timestamp: string, tracksGeneration: boolean): void {
  const meta = object.metadata;
  if (!meta.name && meta.generateName) meta.name = generateName(meta.generateName);
  if (namespace !== undefined) meta.namespace = namespace;
  else delete meta.namespace;
  meta.uid = uuid();
  meta.creationTimestamp = timestamp;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.resourceVersion;
  if (tracksGeneration) meta.generation = 1;
  else delete meta.generation;
}

/** Keeps what clients may not change on update. */
export function prepareMetaForUpdate(object: KubeObject, old: KubeObject): void {
  const meta = object.metadata;
  const previous = old.metadata;
  meta.uid = previous.uid;
  meta.creationTimestamp = previous.creationTimestamp;
  meta.generateName = previous.generateName;
  if (previous.generateName === undefined) delete meta.generateName;
  meta.deletionTimestamp = previous.deletionTimestamp;
  if (previous.deletionTimestamp === undefined) delete meta.deletionTimestamp;
  meta.deletionGracePeriodSeconds = previous.deletionGracePeriodSeconds;
  if (previous.deletionGracePeriodSeconds === undefined) delete meta.deletionGracePeriodSeconds;
  if (previous.generation !== undefined) meta.generation = previous.generation;
  else delete meta.generation;
}

export function validateObjectMeta(meta: ObjectMeta, namespaced: boolean, validateName: NameValidator): FieldError[] {
  const errs: FieldError[] = [];
  if (!meta.name && !meta.generateName) {
    errs.push(fieldError.required('metadata.name', 'name or generateName is required'));
  } else if (meta.name) {
    for (const problem of validateName(meta.name)) errs.push(fieldError.invalid('metadata.name', meta.name, problem));
  }
  if (meta.generateName && !meta.name) {
    for (const problem of validateName(meta.generateName.replace(/-$/, 'a'))) {
      errs.push(fieldError.invalid('metadata.generateName', meta.generateName, problem));
    }
  }
  if (namespaced && !meta.namespace) errs.push(fieldError.required('metadata.namespace', ''));
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  for (const [i, ref] of (meta.ownerReferences ?? []).entries()) {
    if (!ref.apiVersion) errs.push(fieldError.invalid(`metadata.ownerReferences[${i}].apiVersion`, ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errs.push(fieldError.invalid(`metadata.ownerReferences[${i}].kind`, ref.kind ?? '', 'must not be empty'));
    if (!ref.name) errs.push(fieldError.invalid(`metadata.ownerReferences[${i}].name`, ref.name ?? '', 'must not be empty'));
    if (!ref.uid) errs.push(fieldError.invalid(`metadata.ownerReferences[${i}].uid`, ref.uid ?? '', 'must not be empty'));
  }
  if ((meta.ownerReferences ?? []).filter((ref) => ref.controller).length > 1) {
    errs.push(fieldError.invalid('metadata.ownerReferences', meta.ownerReferences, 'Only one reference can have Controller set to true.'));
  }
  return errs;
}

/** Fields an update may never change, with upstream's messages. */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.name !== old.name) errs.push(fieldError.invalid('metadata.name', meta.name, 'field is immutable'));
  if (meta.namespace !== old.namespace) errs.push(fieldError.invalid('metadata.namespace', meta.namespace, 'field is immutable'));
  return errs;
}
