// Strategies for Events in both API versions, which share one storage: core/v1 Events (the
// legacy shape, validated leniently unless they carry an eventTime) and events.k8s.io/v1
// Events (converted to and from the stored core Events, and validated strictly on create).
// Upstream: pkg/registry/core/event/strategy.go and pkg/apis/core/validation/events.go.

import type { CoreEvent } from '../../api/core';
import { coreFromEventsV1, eventsV1FromCore, type EventsV1Event } from '../../api/events';
import { fieldError, type FieldError } from '../../api/field-errors';
import { findResource } from '../../api/scheme';
import { checkDns1123Subdomain, checkQualifiedName } from '../../api/validation/names';
import type { Strategy } from '../registry/strategy';
import { eventTable } from '../tables/events';
import type { TablePrinter } from '../tables/table';

const LIMITS = { reportingInstance: 128, action: 128, reason: 128, message: 1024 } as const;

/** The checks every Event passes; `reportingField` names the reporting controller as the request's API version does. */
function legacyValidate(event: CoreEvent, reportingField: string): FieldError[] {
  const errs: FieldError[] = [];
  const namespace = event.metadata.namespace ?? '';
  const involved = event.involvedObject?.namespace ?? '';
  if (!event.eventTime) {
    if (involved === '' ? namespace !== '' && namespace !== 'default' : namespace !== involved) {
      errs.push(fieldError.invalid('involvedObject.namespace', involved, 'does not match event.namespace'));
    }
  } else {
    if (involved === '' && namespace !== 'default' && namespace !== 'kube-system') errs.push(fieldError.invalid('involvedObject.namespace', involved, 'does not match event.namespace'));
    const controller = event.reportingComponent ?? '';
    if (!controller) errs.push(fieldError.required(reportingField, ''));
    for (const problem of checkQualifiedName(controller)) errs.push(fieldError.invalid(reportingField, controller, problem));
    for (const [field, limit] of [['reportingInstance', LIMITS.reportingInstance], ['action', LIMITS.action], ['reason', LIMITS.reason]] as const) {
      const value = event[field] ?? '';
      if (!value) errs.push(fieldError.required(field, ''));
      if (value.length > limit) errs.push(fieldError.invalid(field, '', `can have at most ${limit} characters`));
    }
    if ((event.message ?? '').length > LIMITS.message) errs.push(fieldError.invalid('message', '', `can have at most ${LIMITS.message} characters`));
  }
  for (const problem of checkDns1123Subdomain(namespace)) errs.push(fieldError.invalid('namespace', namespace, problem));
  return errs;
}

/** events.k8s.io/v1 creates must be new-style events with none of the deprecated fields set. */
function strictValidate(event: EventsV1Event): FieldError[] {
  const core = coreFromEventsV1(event);
  const errs = legacyValidate(core, 'reportingController');
  if (!event.eventTime) errs.push(fieldError.required('eventTime', ''));
  if (event.type !== 'Normal' && event.type !== 'Warning') errs.push(fieldError.invalid('type', '', `has invalid value: ${event.type ?? ''}`));
  if (event.deprecatedFirstTimestamp) errs.push(fieldError.invalid('deprecatedFirstTimestamp', '', 'needs to be unset'));
  if (event.deprecatedLastTimestamp) errs.push(fieldError.invalid('deprecatedLastTimestamp', '', 'needs to be unset'));
  if (event.deprecatedCount) errs.push(fieldError.invalid('deprecatedCount', '', 'needs to be unset'));
  if (event.deprecatedSource?.component || event.deprecatedSource?.host) errs.push(fieldError.invalid('deprecatedSource', '', 'needs to be unset'));
  return errs;
}

function selectable(event: CoreEvent): Record<string, string> {
  const involved = event.involvedObject ?? {};
  return {
    'involvedObject.kind': involved.kind ?? '',
    'involvedObject.namespace': involved.namespace ?? '',
    'involvedObject.name': involved.name ?? '',
    'involvedObject.uid': involved.uid ?? '',
    'involvedObject.apiVersion': involved.apiVersion ?? '',
    'involvedObject.resourceVersion': involved.resourceVersion ?? '',
    'involvedObject.fieldPath': involved.fieldPath ?? '',
    reason: event.reason ?? '',
    reportingComponent: event.reportingComponent ?? '',
    source: event.source?.component ?? '',
    type: event.type ?? '',
  };
}

export const eventStrategy: Strategy<CoreEvent> = {
  type: findResource('', 'v1', 'events')!,
  allowCreateOnUpdate: true,
  defaults(event) {
    event.involvedObject ??= {};
  },
  validate: (event) => legacyValidate(event, 'reportingComponent'),
  selectableFields: selectable,
  table: eventTable,
};

/** events.k8s.io names the core selectors after its own fields. */
const V1_FIELD_NAMES: Readonly<Record<string, string>> = {
  'involvedObject.kind': 'regarding.kind',
  'involvedObject.namespace': 'regarding.namespace',
  'involvedObject.name': 'regarding.name',
  'involvedObject.uid': 'regarding.uid',
  'involvedObject.apiVersion': 'regarding.apiVersion',
  'involvedObject.resourceVersion': 'regarding.resourceVersion',
  'involvedObject.fieldPath': 'regarding.fieldPath',
  reportingComponent: 'reportingController',
  source: 'deprecatedSource',
};

const v1Table: TablePrinter<EventsV1Event> = {
  columns: eventTable.columns,
  row: (event, now) => eventTable.row(coreFromEventsV1(event), now),
};

export const eventsV1Strategy: Strategy<EventsV1Event> = {
  type: findResource('events.k8s.io', 'v1', 'events')!,
  allowCreateOnUpdate: true,
  storage: {
    prefix: 'events',
    kind: { group: '', version: 'v1', kind: 'Event' },
    toStorage: (object) => coreFromEventsV1(object as EventsV1Event),
    fromStorage: (stored) => eventsV1FromCore(stored as CoreEvent),
  },
  validate: strictValidate,
  validateUpdate: (event) => legacyValidate(coreFromEventsV1(event), 'reportingController'),
  selectableFields(event) {
    const fields = selectable(coreFromEventsV1(event));
    return Object.fromEntries(Object.entries(fields).map(([key, value]) => [V1_FIELD_NAMES[key] ?? key, value]));
  },
  table: v1Table,
};
