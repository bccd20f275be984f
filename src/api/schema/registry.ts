// The schema registry: every struct kubetab serves, by definition name and by kind, built once
// from the package definitions. Decoding, defaults-free normalisation, strategic merge patch,
// protobuf and OpenAPI all look types up here.

import { buildSchemas, type PackageSpec } from './define';
import { APPS, BATCH } from './defs/apps-batch';
import { AUTHENTICATION, AUTHORIZATION, AUTOSCALING, COORDINATION, DISCOVERY, EVENTS, POLICY } from './defs/cluster-apis';
import { CORE_CONTAINER } from './defs/core-container';
import { CORE_OBJECTS } from './defs/core-objects';
import { CORE_POD } from './defs/core-pod';
import { CORE_VOLUME } from './defs/core-volume';
import { META } from './defs/meta';
import type { StructSchema } from './model';

const CORE: PackageSpec = {
  prefix: 'io.k8s.api.core.v1',
  structs: { ...CORE_POD, ...CORE_CONTAINER, ...CORE_VOLUME, ...CORE_OBJECTS },
};

export const SCHEMA_PACKAGES: readonly PackageSpec[] = [META, CORE, APPS, BATCH, COORDINATION, DISCOVERY, EVENTS, POLICY, AUTOSCALING, AUTHORIZATION, AUTHENTICATION];

let schemas: Map<string, StructSchema> | undefined;
let byKind: Map<string, StructSchema> | undefined;

/** Every struct by OpenAPI definition name. */
export function allSchemas(): ReadonlyMap<string, StructSchema> {
  schemas ??= buildSchemas(SCHEMA_PACKAGES);
  return schemas;
}

export function schemaByName(name: string): StructSchema | undefined {
  return allSchemas().get(name);
}

/** The struct served as group/version/kind, if kubetab knows the kind. */
export function schemaForKind(group: string, version: string, kindName: string): StructSchema | undefined {
  if (!byKind) {
    byKind = new Map();
    for (const schema of allSchemas().values()) {
      for (const k of schema.kinds) {
        const key = `${k.group}/${k.version}/${k.kind}`;
        if (!byKind.has(key)) byKind.set(key, schema);
      }
    }
  }
  return byKind.get(`${group}/${version}/${kindName}`);
}
