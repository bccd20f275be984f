// `kubectl events --for TYPE/NAME`: the kind and apiVersion TYPE names on the server, and the
// field selector (involvedObject kind, apiVersion and name, escaped) that picks that object's
// events. Upstream: decodeResourceTypeName and Run in
// staging/src/k8s.io/kubectl/pkg/cmd/events/events.go.

import { groupVersion } from '../../api/scheme';
import { KubectlError } from '../errors';
import type { ResourceMapper } from '../resource-mapper';

export interface EventsFor {
  kind: string;
  apiVersion: string;
  /** Empty for `TYPE/`, which kubectl resolves but then does not filter on. */
  name: string;
}

/** The kind, apiVersion and name `--for` names, or kubectl's error for it. */
export async function resolveEventsFor(mapper: Pick<ResourceMapper, 'find'>, text: string): Promise<EventsFor> {
  const parts = text.split('/');
  if (parts.length === 1) throw new KubectlError('error: --for must be in resource/name form');
  if (parts.length !== 2) throw new KubectlError('error: arguments in resource/name form may not have more than one slash');
  const [typeText, name] = parts;
  const lower = typeText.toLowerCase();
  const dot = lower.indexOf('.');
  const resource = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? '' : lower.slice(dot + 1);
  if (resource === '') throw new KubectlError(`error: a resource must be present, got: ${group}/, Resource=`);
  const type = await mapper.find(lower);
  if (!type) throw new KubectlError(`the server doesn't have a resource type "${resource}"${group ? ` in group "${group}"` : ''}`);
  return { kind: type.kind, apiVersion: groupVersion(type), name };
}

/** A field selector value with `\`, `,` and `=` escaped (fields.EscapeValue). */
export function escapeFieldValue(value: string): string {
  return value.replace(/[\\,=]/g, (c) => `\\${c}`);
}

/** The field selector for the events of `target`; none when no name was given. */
export function eventsForSelector(target: EventsFor | undefined): string | undefined {
  if (!target?.name) return undefined;
  const terms = { 'involvedObject.kind': target.kind, 'involvedObject.apiVersion': target.apiVersion, 'involvedObject.name': target.name };
  return Object.entries(terms)
    .map(([field, value]) => `${field}=${escapeFieldValue(value)}`)
    .join(',');
}
