// The REST operations of every served resource, in a form independent of the OpenAPI version:
// the paths (collection, object, all namespaces, subresources and the deprecated watch paths),
// each operation's id, action, kind, query parameters, body and responses. The v2 and v3
// documents render these. Upstream: staging/src/k8s.io/apiserver/pkg/endpoints/installer.go.

import { type ResourceType } from '../../api/scheme';
import { schemaForKind } from '../../api/schema/registry';

export type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
export type ParamType = 'string' | 'integer' | 'boolean';

export interface Param {
  name: string;
  in: 'query' | 'path';
  type: ParamType;
  description: string;
  required?: boolean;
}

export interface Operation {
  method: Method;
  operationId: string;
  description: string;
  action: string;
  kind: { group: string; version: string; kind: string };
  params: Param[];
  /** The definition of the request body, or 'patch' for the patch types. */
  body?: string;
  /** The definition answered with; undefined for plain text. */
  response?: string;
  codes: readonly number[];
  tag: string;
}

export interface PathItem {
  path: string;
  params: Param[];
  operations: Operation[];
}

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

const query = (name: string, type: ParamType, description: string): Param => ({ name, in: 'query', type, description });

const P = {
  pretty: query('pretty', 'string', "If 'true', the output is pretty printed."),
  dryRun: query('dryRun', 'string', 'When present, the change is checked but not persisted. The only valid value is All.'),
  fieldManager: query('fieldManager', 'string', 'The name of the actor making the change, for field management. At most 128 printable characters.'),
  fieldValidation: query(
    'fieldValidation',
    'string',
    'What the server does with unknown or duplicate fields in the object: Ignore drops them, Warn (the default) drops them and answers with a warning for each, Strict refuses the request.',
  ),
  force: query('force', 'boolean', 'Apply only: take ownership of conflicting fields from other managers.'),
  gracePeriodSeconds: query('gracePeriodSeconds', 'integer', 'Seconds before the object is deleted; zero deletes at once. Unset uses the default of the kind.'),
  orphanDependents: query('orphanDependents', 'boolean', 'Deprecated: use propagationPolicy. Whether dependents are orphaned.'),
  propagationPolicy: query('propagationPolicy', 'string', 'How dependents are garbage-collected: Orphan, Background or Foreground.'),
  ignoreStore: query('ignoreStoreReadErrorWithClusterBreakingPotential', 'boolean', 'Deletes an object that cannot be read from storage. Dangerous.'),
  labelSelector: query('labelSelector', 'string', 'Only objects whose labels match this selector. Defaults to everything.'),
  fieldSelector: query('fieldSelector', 'string', 'Only objects whose fields match this selector. Defaults to everything.'),
  watch: query('watch', 'boolean', 'Stream changes to the objects after the list, as add, update and remove notifications.'),
  allowWatchBookmarks: query('allowWatchBookmarks', 'boolean', 'Ask for BOOKMARK events carrying the latest resourceVersion. The server sends them when it chooses.'),
  resourceVersion: query('resourceVersion', 'string', 'Which version of the data the request may be served from.'),
  resourceVersionMatch: query('resourceVersionMatch', 'string', 'How resourceVersion applies to a list: Exact or NotOlderThan.'),
  timeoutSeconds: query('timeoutSeconds', 'integer', 'How long the list or watch call may last.'),
  limit: query('limit', 'integer', 'The most objects to return; a continue token is set when there are more.'),
  continue: query('continue', 'string', 'The continue token of a previous page, to read the next page of the same list.'),
  sendInitialEvents: query('sendInitialEvents', 'boolean', 'Start a watch with ADDED events for the current objects, ended by a bookmark annotated k8s.io/initial-events-end.'),
};

const LIST_PARAMS = [P.allowWatchBookmarks, P.continue, P.fieldSelector, P.labelSelector, P.limit, P.resourceVersion, P.resourceVersionMatch, P.sendInitialEvents, P.timeoutSeconds, P.watch];
const WRITE_PARAMS = [P.dryRun, P.fieldManager, P.fieldValidation];
const DELETE_PARAMS = [P.dryRun, P.gracePeriodSeconds, P.ignoreStore, P.orphanDependents, P.propagationPolicy];

function camel(text: string): string {
  return text
    .split(/[.-]/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/** `CoreV1`, `AppsV1`, `EventsV1`: the group/version part of operation ids. */
export function groupVersionId(group: string, version: string): string {
  return `${group ? camel(group.replace(/\.k8s\.io$/, '')) : 'Core'}${camel(version)}`;
}

/** `core_v1`, `apps_v1`: the tag of a group/version's operations. */
export function groupVersionTag(group: string, version: string): string {
  const name = group ? group.replace(/\.k8s\.io$/, '').replace(/\.(\w)/g, (_, c: string) => c.toUpperCase()) : 'core';
  return `${name}_${version}`;
}

function definitionOf(type: ResourceType): string {
  const schema = schemaForKind(type.group, type.version, type.kind);
  if (!schema) throw new Error(`no schema for ${type.kind}`);
  return schema.name;
}

const SUBRESOURCE_KINDS: Record<string, { group: string; version: string; kind: string } | undefined> = {
  scale: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
  eviction: { group: 'policy', version: 'v1', kind: 'Eviction' },
  binding: { group: '', version: 'v1', kind: 'Binding' },
};

/** The paths and operations of one resource. */
export function resourcePaths(type: ResourceType): PathItem[] {
  const root = type.group ? `/apis/${type.group}/${type.version}` : `/api/${type.version}`;
  const gv = groupVersionId(type.group, type.version);
  const tag = groupVersionTag(type.group, type.version);
  const kind = { group: type.group, version: type.version, kind: type.kind };
  const definition = definitionOf(type);
  const listDefinition = definition.replace(/\.[^.]+$/, `.${type.listKind}`);
  const scope = type.namespaced ? 'Namespaced' : '';
  const nsParam: Param[] = type.namespaced ? [{ name: 'namespace', in: 'path', type: 'string', description: 'object name and auth scope, such as for teams and projects', required: true }] : [];
  const nameParam: Param = { name: 'name', in: 'path', type: 'string', description: `name of the ${type.kind}`, required: true };
  const collection = `${root}${type.namespaced ? '/namespaces/{namespace}' : ''}/${type.resource}`;
  const op = (o: Omit<Operation, 'kind' | 'tag'> & { kind?: Operation['kind'] }): Operation => ({ kind, tag, ...o });
  const has = (verb: string) => type.verbs.includes(verb);
  const items: PathItem[] = [];

  const collectionOps: Operation[] = [];
  if (has('list')) collectionOps.push(op({ method: 'get', operationId: `list${gv}${scope}${type.kind}`, description: `list or watch objects of kind ${type.kind}`, action: 'list', params: LIST_PARAMS, response: listDefinition, codes: [200] }));
  if (has('create')) collectionOps.push(op({ method: 'post', operationId: `create${gv}${scope}${type.kind}`, description: `create a ${type.kind}`, action: 'post', params: WRITE_PARAMS, body: definition, response: definition, codes: [200, 201, 202] }));
  if (has('deletecollection')) {
    collectionOps.push(
      op({ method: 'delete', operationId: `delete${gv}Collection${scope}${type.kind}`, description: `delete collection of ${type.kind}`, action: 'deletecollection', params: [...LIST_PARAMS.filter((p) => p !== P.watch && p !== P.allowWatchBookmarks), ...DELETE_PARAMS], body: `${META}.DeleteOptions`, response: `${META}.Status`, codes: [200] }),
    );
  }
  if (collectionOps.length > 0) items.push({ path: collection, params: [...nsParam, P.pretty], operations: collectionOps });

  if (has('get')) {
    const itemOps: Operation[] = [op({ method: 'get', operationId: `read${gv}${scope}${type.kind}`, description: `read the specified ${type.kind}`, action: 'get', params: [], response: definition, codes: [200] })];
    if (has('update')) itemOps.push(op({ method: 'put', operationId: `replace${gv}${scope}${type.kind}`, description: `replace the specified ${type.kind}`, action: 'put', params: WRITE_PARAMS, body: definition, response: definition, codes: [200, 201] }));
    if (has('patch')) itemOps.push(op({ method: 'patch', operationId: `patch${gv}${scope}${type.kind}`, description: `partially update the specified ${type.kind}`, action: 'patch', params: [...WRITE_PARAMS, P.force], body: 'patch', response: definition, codes: [200, 201] }));
    if (has('delete')) itemOps.push(op({ method: 'delete', operationId: `delete${gv}${scope}${type.kind}`, description: `delete a ${type.kind}`, action: 'delete', params: DELETE_PARAMS, body: `${META}.DeleteOptions`, response: `${META}.Status`, codes: [200, 202] }));
    items.push({ path: `${collection}/{name}`, params: [nameParam, ...nsParam, P.pretty], operations: itemOps });
  }

  for (const sub of type.subresources) {
    const subKind = sub === 'status' ? kind : SUBRESOURCE_KINDS[sub];
    const subId = `${gv}${scope}${type.kind}${camel(sub)}`;
    const path = `${collection}/{name}/${sub}`;
    const params = [nameParam, ...nsParam, P.pretty];
    if (sub === 'status' || sub === 'scale') {
      const subDefinition = sub === 'status' ? definition : 'io.k8s.api.autoscaling.v1.Scale';
      items.push({
        path,
        params,
        operations: [
          op({ kind: subKind, method: 'get', operationId: `read${subId}`, description: `read ${sub} of the specified ${type.kind}`, action: 'get', params: [], response: subDefinition, codes: [200] }),
          op({ kind: subKind, method: 'put', operationId: `replace${subId}`, description: `replace ${sub} of the specified ${type.kind}`, action: 'put', params: WRITE_PARAMS, body: subDefinition, response: subDefinition, codes: [200, 201] }),
          op({ kind: subKind, method: 'patch', operationId: `patch${subId}`, description: `partially update ${sub} of the specified ${type.kind}`, action: 'patch', params: [...WRITE_PARAMS, P.force], body: 'patch', response: subDefinition, codes: [200, 201] }),
        ],
      });
    } else if (sub === 'eviction' || sub === 'binding') {
      const subDefinition = sub === 'eviction' ? 'io.k8s.api.policy.v1.Eviction' : 'io.k8s.api.core.v1.Binding';
      items.push({ path, params, operations: [op({ kind: subKind, method: 'post', operationId: `create${subId}`, description: `create ${sub} of a ${type.kind}`, action: 'post', params: WRITE_PARAMS, body: subDefinition, response: subDefinition, codes: [200, 201, 202] })] });
    } else if (sub === 'log') {
      items.push({ path, params, operations: [op({ method: 'get', operationId: `read${subId}`, description: `read log of the specified ${type.kind}`, action: 'get', params: ['container', 'follow', 'limitBytes', 'previous', 'sinceSeconds', 'tailLines', 'timestamps'].map((name) => query(name, name === 'container' ? 'string' : ['limitBytes', 'sinceSeconds', 'tailLines'].includes(name) ? 'integer' : 'boolean', `The ${name} option of the log request.`)), codes: [200] })] });
    } else if (sub === 'finalize') {
      items.push({ path, params, operations: [op({ method: 'put', operationId: `replace${subId}`, description: `replace finalize of the specified ${type.kind}`, action: 'put', params: WRITE_PARAMS, body: definition, response: definition, codes: [200, 201] })] });
    }
  }

  if (has('watch')) {
    const watchRoot = `${root}/watch${type.namespaced ? '/namespaces/{namespace}' : ''}/${type.resource}`;
    const event = `${META}.WatchEvent`;
    const watchParams = [...LIST_PARAMS, P.pretty];
    items.push({ path: watchRoot, params: [...nsParam, ...watchParams], operations: [op({ method: 'get', operationId: `watch${gv}${scope}${type.kind}List`, description: `watch individual changes to a list of ${type.kind}. deprecated: use the 'watch' parameter with a list operation instead.`, action: 'watchlist', params: [], response: event, codes: [200] })] });
    items.push({ path: `${watchRoot}/{name}`, params: [nameParam, ...nsParam, ...watchParams], operations: [op({ method: 'get', operationId: `watch${gv}${scope}${type.kind}`, description: `watch changes to an object of kind ${type.kind}. deprecated: use the 'watch' parameter with a list operation instead, filtered to a single item with the 'fieldSelector' parameter.`, action: 'watch', params: [], response: event, codes: [200] })] });
    if (type.namespaced) {
      items.push({ path: `${root}/watch/${type.resource}`, params: watchParams, operations: [op({ method: 'get', operationId: `watch${gv}${type.kind}ListForAllNamespaces`, description: `watch individual changes to a list of ${type.kind}. deprecated: use the 'watch' parameter with a list operation instead.`, action: 'watchlist', params: [], response: event, codes: [200] })] });
    }
  }
  if (type.namespaced && has('list')) {
    items.push({ path: `${root}/${type.resource}`, params: [...LIST_PARAMS, P.pretty], operations: [op({ method: 'get', operationId: `list${gv}${type.kind}ForAllNamespaces`, description: `list or watch objects of kind ${type.kind}`, action: 'list', params: [], response: listDefinition, codes: [200] })] });
  }
  return items;
}
