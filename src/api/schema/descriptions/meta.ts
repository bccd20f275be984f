// Descriptions of the meta.k8s.io/v1 types and the value types (Quantity, IntOrString, Time,
// RawExtension) for OpenAPI and `kubectl explain`.

import type { DescriptionTable } from './index';

export const META_DESCRIPTIONS: DescriptionTable = {
  ObjectMeta: {
    '': 'Metadata every persisted resource has: its identity (name, namespace, uid), its labels and annotations, and the bookkeeping the system keeps about it.',
    name: 'The name of the object, unique within its namespace and kind. Required on create unless generateName is set; it cannot be updated.',
    generateName: 'A prefix the server uses to build a unique name when name is empty: five random characters are appended. Applies only on create.',
    namespace: 'The namespace the object lives in. Empty for cluster-scoped kinds; namespaced kinds default to the namespace of the request. It cannot be updated.',
    selfLink: 'Deprecated and no longer set by the system.',
    uid: 'A value unique in time and space, set by the server when the object is created. It cannot be updated.',
    resourceVersion:
      'An opaque value that changes on every write of the object, used for optimistic concurrency, change detection and watches. Clients must treat it as opaque and pass it back unmodified.',
    generation: 'A sequence number the system increments each time the desired state (usually the spec) changes. Read-only.',
    creationTimestamp: 'When the server created the object, in RFC 3339 form and UTC. Set by the system; read-only.',
    deletionTimestamp:
      'When the object will be deleted: set by the server when a graceful deletion is requested. The object stays visible until its grace period ends and its finalizers are cleared. Read-only.',
    deletionGracePeriodSeconds: 'The seconds the object is allowed to terminate gracefully before it is removed; only set with deletionTimestamp. Read-only.',
    labels: 'String keys and values used to organize and select objects, for example by services and controllers.',
    annotations: 'Arbitrary, non-identifying metadata stored with the object for tools and libraries to read. Not queryable.',
    ownerReferences:
      'The objects this object depends on. When all its owners are deleted the garbage collector deletes this object; at most one owner may be marked as the managing controller.',
    finalizers:
      'Keys that must all be removed before the object is deleted from storage. While any remain, a deleted object only gets a deletionTimestamp; each finalizer is removed by the component responsible for it.',
    managedFields: 'Which fields each workflow (field manager) has set, maintained for server-side apply. Mostly for internal use.',
  },
  ListMeta: {
    '': 'Metadata of a list: the version of the collection and how to continue a paginated read.',
    selfLink: 'Deprecated and no longer set by the system.',
    resourceVersion: 'The version of the collection the list was read at, usable to start a watch after it. Opaque to clients.',
    continue: 'Set when more results are available: pass it back as the continue parameter, with the same query, to read the next page of the same snapshot.',
    remainingItemCount: 'How many items follow this page, when the server can count them cheaply (not with selectors).',
  },
  OwnerReference: {
    '': 'Identifies an owner of an object, in the same namespace (or cluster-scoped).',
    apiVersion: 'API version of the owner.',
    kind: 'Kind of the owner.',
    name: 'Name of the owner.',
    uid: 'UID of the owner.',
    controller: 'True when this owner is the managing controller of the object.',
    blockOwnerDeletion: 'When true, a foreground deletion of the owner waits until this object is deleted first.',
  },
  LabelSelector: {
    '': 'A label query over objects. matchLabels and matchExpressions are ANDed; an empty selector matches everything and a null one matches nothing.',
    matchLabels: 'Label key/value pairs that must all be present; each is the same as a matchExpressions element with operator In and that single value.',
    matchExpressions: 'Requirements on labels; all must hold.',
  },
  LabelSelectorRequirement: {
    '': 'A requirement on one label key: an operator and, for some operators, values.',
    key: 'The label key the requirement applies to.',
    operator: 'How the key relates to the values: In, NotIn, Exists or DoesNotExist.',
    values: 'The values for In and NotIn (non-empty); must be empty for Exists and DoesNotExist.',
  },
  FieldSelectorRequirement: {
    '': 'A requirement on one field: an operator and values.',
    key: 'The field the requirement applies to.',
    operator: 'How the field relates to the values: In, NotIn, Exists or DoesNotExist.',
    values: 'The values for In and NotIn; empty for Exists and DoesNotExist.',
  },
  ManagedFieldsEntry: {
    '': 'The set of fields one field manager owns, and how it last wrote them.',
    manager: 'Name of the workflow that manages these fields.',
    operation: 'The kind of write that set these fields: Apply or Update.',
    apiVersion: 'The API version the fields were written in.',
    time: 'When the fields were last changed by this manager.',
    fieldsType: 'The format of fieldsV1; the only value is FieldsV1.',
    fieldsV1: 'The owned fields, as a trie of field paths.',
    subresource: 'The subresource the write went through, empty for the main resource.',
  },
  Status: {
    '': 'The result of an operation that does not return an object, such as an error or a deletion.',
    metadata: 'Standard list metadata.',
    status: 'Success or Failure.',
    message: 'A human-readable description of the result.',
    reason: 'A machine-readable, CamelCase reason for a failure, such as NotFound or AlreadyExists.',
    details: 'Further data about the reason, depending on it.',
    code: 'The HTTP status code of the result.',
  },
  StatusDetails: {
    '': 'Details a Status carries about the object concerned.',
    name: 'The name of the object concerned, when there is one.',
    group: 'The API group of the object concerned.',
    kind: 'The kind (resource) of the object concerned.',
    uid: 'The UID of the object concerned.',
    causes: 'The individual problems that led to the failure, such as invalid fields.',
    retryAfterSeconds: 'How long a client should wait before retrying, when the failure is temporary.',
  },
  StatusCause: {
    '': 'One cause of a failure.',
    reason: 'A machine-readable description of the cause, such as FieldValueInvalid.',
    message: 'A human-readable description of the cause.',
    field: 'The field the cause refers to, as a path such as spec.containers[0].image.',
  },
  DeleteOptions: {
    '': 'Options for deleting an object.',
    gracePeriodSeconds: 'Seconds before the object is deleted; zero deletes at once. Unset uses the default of the kind.',
    preconditions: 'Conditions the object must meet for the deletion to happen; otherwise 409 Conflict.',
    orphanDependents: 'Deprecated: use propagationPolicy. Whether the dependents are orphaned.',
    propagationPolicy: "How the garbage collector treats dependents: 'Orphan' leaves them, 'Background' deletes them after the owner, 'Foreground' deletes them before the owner goes.",
    dryRun: 'When set to [All], every stage of the deletion runs but nothing is persisted.',
    ignoreStoreReadErrorWithClusterBreakingPotential: 'Deletes an object that cannot be read from storage. Dangerous; needs extra permission.',
  },
  Preconditions: {
    '': 'Conditions an operation requires of the object.',
    uid: 'The UID the object must have.',
    resourceVersion: 'The resourceVersion the object must have.',
  },
  Condition: {
    '': 'One aspect of the current state of a resource.',
    type: 'The type of the condition, in CamelCase.',
    status: 'True, False or Unknown.',
    observedGeneration: 'The metadata.generation the condition was set from.',
    lastTransitionTime: 'When the condition last changed status.',
    reason: 'A CamelCase reason for the last transition.',
    message: 'A human-readable message about the transition.',
  },
  WatchEvent: {
    '': 'One event of a watch.',
    type: 'ADDED, MODIFIED, DELETED, BOOKMARK or ERROR.',
    object: 'The object the event is about (a Status for ERROR, a bare object with a resourceVersion for BOOKMARK).',
  },
  Patch: {
    '': 'A patch document, in one of the patch formats the server accepts.',
  },
  Time: {
    '': 'A timestamp, written in RFC 3339 form with whole seconds in UTC.',
  },
  MicroTime: {
    '': 'A timestamp with microsecond precision, written in RFC 3339 form in UTC.',
  },
  FieldsV1: {
    '': 'A set of fields, as a trie of field paths in JSON.',
  },
  Quantity: {
    '':
      'A fixed-point amount, written as a number with an optional suffix: binary (Ki, Mi, Gi, Ti, Pi, Ei), decimal (m, k, M, G, T, P, E) or an exponent (e3). The server stores it in canonical form, such as 8Gi for 8388608Ki or 500m for 0.5.',
  },
  IntOrString: {
    '': 'A value that is either an integer or a string, such as a port number or a port name, or a count or a percentage.',
  },
  RawExtension: {
    '': 'An embedded object of any kind.',
  },
};
