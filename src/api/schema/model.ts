// The schema model: how kubetab describes each served kind and its nested types the way
// upstream's Go types declare them. For every field: its JSON name and type, how Go marshals it
// (dropped when empty, kept when a pointer, always written), its protobuf number, and the list
// and patch metadata that strategic merge patch and OpenAPI need.

/** The leaf types; everything else is a struct, a list or a string-keyed map. */
export type Scalar =
  | 'string'
  | 'int32'
  | 'int64'
  | 'double'
  | 'boolean'
  | 'Quantity'
  | 'IntOrString'
  | 'Time'
  | 'MicroTime'
  | 'bytes'
  | 'RawExtension'
  | 'FieldsV1';

export type TypeRef =
  | { readonly kind: 'scalar'; readonly scalar: Scalar }
  | { readonly kind: 'struct'; readonly name: string }
  | { readonly kind: 'list'; readonly items: TypeRef }
  | { readonly kind: 'map'; readonly values: TypeRef };

/**
 * How Go writes the field: `omitempty` drops zero values, `pointer` drops only nil (an explicit
 * zero stays), `always` writes the zero value when unset (structs, and fields without omitempty).
 */
export type Presence = 'omitempty' | 'pointer' | 'always';

export interface FieldSchema {
  readonly name: string;
  /** Protobuf field number (0 for TypeMeta's apiVersion and kind, which travel outside). */
  readonly proto: number;
  readonly type: TypeRef;
  readonly presence: Presence;
  /** Listed as required in OpenAPI. */
  readonly required: boolean;
  /** `merge`, `retainKeys` or `merge,retainKeys`. */
  readonly patchStrategy?: string;
  readonly patchMergeKey?: string;
  readonly listType?: 'atomic' | 'set' | 'map';
  readonly listMapKeys?: readonly string[];
  readonly mapType?: 'atomic';
  /** The Go type named in decode errors when it is a named type (`v1.Protocol`). */
  readonly goType?: string;
}

export interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** A struct embedded with `json:",inline"`: its fields appear in the parent's JSON. */
export interface InlineStruct {
  readonly proto: number;
  readonly struct: string;
}

export interface StructSchema {
  /** The OpenAPI definition name: `io.k8s.api.core.v1.Container`. */
  readonly name: string;
  /** The Go type name: `Container`. */
  readonly goName: string;
  /** Every JSON field, inlined structs' fields included, in Go declaration order. */
  readonly fields: readonly FieldSchema[];
  readonly byName: ReadonlyMap<string, FieldSchema>;
  /** The struct each field is declared on (differs from this one for inlined fields). */
  readonly declaredIn: ReadonlyMap<string, string>;
  readonly inlines: readonly InlineStruct[];
  /** Fields declared directly on this struct, for protobuf. */
  readonly ownFields: readonly FieldSchema[];
  /** `x-kubernetes-map-type: atomic`: replaced whole by merges. */
  readonly atomic: boolean;
  /** Set on kinds: the group/version/kind this struct is served as. */
  readonly kinds: readonly GroupVersionKind[];
}
