// Options of list, watch, write and delete requests, parsed from the query string (and the
// DeleteOptions body) with upstream's names and errors.

import { parseFieldSelector, FieldSelectorError, type FieldRequirement } from '../../api/fields';
import { parseSelector, SelectorParseError, type Selector } from '../../api/labels';
import { isPlainObject } from '../../api/objects';
import { errors } from '../errors';
import { queryValue, type ApiRequest } from '../request';

export interface ListOptions {
  labelSelector: Selector;
  fieldSelector: FieldRequirement[];
  limit?: number;
  continueToken?: string;
  resourceVersion?: string;
  resourceVersionMatch?: string;
  allowWatchBookmarks: boolean;
  /** Tri-state: unset keeps the legacy watch semantics. */
  sendInitialEvents?: boolean;
  timeoutSeconds?: number;
}

export interface WriteOptions {
  dryRun: boolean;
  fieldManager?: string;
  fieldValidation: 'Strict' | 'Warn' | 'Ignore';
  /** Where a write puts the strategy's warnings about the object, to send back with the answer. */
  warnings?: string[];
}

export interface DeleteOptions extends WriteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  preconditions?: { uid?: string; resourceVersion?: string };
}

function integer(query: ApiRequest['query'], name: string): number | undefined {
  const text = queryValue(query, name);
  if (text === undefined || text === '') return undefined;
  if (!/^-?\d+$/.test(text)) throw errors.badRequest(`invalid ${name}: ${text}`);
  return Number(text);
}

const TRUE = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

/** A boolean query parameter as Go's strconv.ParseBool reads it (unset when absent). */
function optionalBoolean(query: ApiRequest['query'], name: string): boolean | undefined {
  const text = queryValue(query, name);
  if (text === undefined || text === '') return undefined;
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  throw errors.badRequest(`strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax`);
}

function boolean(query: ApiRequest['query'], name: string): boolean {
  return optionalBoolean(query, name) ?? false;
}

/** Whether a request asks for a watch (`?watch=true`). */
export function isWatch(query: ApiRequest['query']): boolean {
  return boolean(query, 'watch');
}

export function parseListOptions(query: ApiRequest['query']): ListOptions {
  let labelSelector: Selector;
  let fieldSelector: FieldRequirement[];
  try {
    labelSelector = parseSelector(queryValue(query, 'labelSelector') ?? '');
  } catch (error) {
    if (error instanceof SelectorParseError) throw errors.badRequest(error.message);
    throw error;
  }
  try {
    fieldSelector = parseFieldSelector(queryValue(query, 'fieldSelector') ?? '');
  } catch (error) {
    if (error instanceof FieldSelectorError) throw errors.badRequest(error.message);
    throw error;
  }
  const limit = integer(query, 'limit');
  return {
    labelSelector,
    fieldSelector,
    limit: limit !== undefined && limit > 0 ? limit : undefined,
    continueToken: queryValue(query, 'continue') || undefined,
    resourceVersion: queryValue(query, 'resourceVersion') || undefined,
    resourceVersionMatch: queryValue(query, 'resourceVersionMatch') || undefined,
    allowWatchBookmarks: boolean(query, 'allowWatchBookmarks'),
    sendInitialEvents: optionalBoolean(query, 'sendInitialEvents'),
    timeoutSeconds: integer(query, 'timeoutSeconds'),
  };
}

export function parseWriteOptions(query: ApiRequest['query']): WriteOptions {
  const dryRun = queryValue(query, 'dryRun');
  if (dryRun !== undefined && dryRun !== '' && dryRun !== 'All') {
    throw errors.badRequest(`Invalid dry run value: ${dryRun}`);
  }
  const validation = queryValue(query, 'fieldValidation') ?? 'Warn';
  if (validation !== 'Strict' && validation !== 'Warn' && validation !== 'Ignore') {
    throw errors.badRequest(`fieldValidation must be one of "Ignore", "Warn", or "Strict", got "${validation}"`);
  }
  return { dryRun: dryRun === 'All', fieldManager: queryValue(query, 'fieldManager'), fieldValidation: validation, warnings: [] };
}

/** DeleteOptions come from the query string or from a body (kubectl sends a body). */
export function parseDeleteOptions(query: ApiRequest['query'], body: unknown): DeleteOptions {
  const options: DeleteOptions = { ...parseWriteOptions(query) };
  const grace = integer(query, 'gracePeriodSeconds');
  if (grace !== undefined) options.gracePeriodSeconds = grace;
  const policy = queryValue(query, 'propagationPolicy');
  if (policy) options.propagationPolicy = checkPolicy(policy);
  if (isPlainObject(body)) {
    if (typeof body.gracePeriodSeconds === 'number') options.gracePeriodSeconds = body.gracePeriodSeconds;
    if (typeof body.propagationPolicy === 'string') options.propagationPolicy = checkPolicy(body.propagationPolicy);
    if (body.orphanDependents === true && !options.propagationPolicy) options.propagationPolicy = 'Orphan';
    if (body.orphanDependents === false && !options.propagationPolicy) options.propagationPolicy = 'Background';
    if (isPlainObject(body.preconditions)) options.preconditions = body.preconditions as DeleteOptions['preconditions'];
    if (Array.isArray(body.dryRun) && body.dryRun.includes('All')) options.dryRun = true;
  }
  if (options.gracePeriodSeconds !== undefined && options.gracePeriodSeconds < 0) options.gracePeriodSeconds = 1;
  return options;
}

function checkPolicy(policy: string): DeleteOptions['propagationPolicy'] {
  if (policy === 'Orphan' || policy === 'Background' || policy === 'Foreground') return policy;
  throw errors.invalid('DeleteOptions', '', '', [
    { type: 'FieldValueNotSupported', field: 'propagationPolicy', value: policy, detail: 'supported values: "Foreground", "Background", "Orphan", "nil"' },
  ]);
}
