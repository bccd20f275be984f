// kubectl events: the core/v1 events of a namespace (or of all, or of one object with --for),
// optionally of some types only, oldest first, as a table or as an EventList in another format;
// with -w it prints events as the server sends them until interrupted. Everything goes through
// one tab writer, as kubectl's does, so tabs in templates line up too. Upstream:
// staging/src/k8s.io/kubectl/pkg/cmd/events/events.go.

import type { CoreEvent } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import { findResource } from '../../api/scheme';
import { namespaceOf, type Command } from '../command';
import type { KubectlContext } from '../context';
import { listEvents } from '../describe/events';
import { KubectlError } from '../errors';
import { flagArray, flagBool, flagString, type ParsedFlags } from '../flags';
import { asTyped, outputFormat, printObjects, type OutputFormat } from '../printers/output';
import { GET_TABS, TabWriter } from '../tabwriter';
import { eventsForSelector, resolveEventsFor } from './events-for';
import { sortEvents } from './events-order';
import { EventTable } from './events-table';

const EVENTS = findResource('', 'v1', 'events')!;
const OUTPUT_FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];
const EVENT_TYPES = ['normal', 'warning'];
/** kubectl's tab writer remembers column widths across the blocks of a text and across flushes. */
const KUBECTL_TABS = { ...GET_TABS, rememberWidths: true };

/** The -o format, or undefined for the events table (--template alone does not change it). */
function eventsOutputFormat(output: string, template: string): OutputFormat | undefined {
  if (output === '') return undefined;
  const name = output.split('=')[0];
  if (!OUTPUT_FORMATS.includes(name)) {
    throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${OUTPUT_FORMATS.join(',')}`);
  }
  return outputFormat(output, template);
}

/** The --types values (comma-separated, repeatable), checked. */
function eventTypes(flags: ParsedFlags): string[] {
  const types = flagArray(flags, 'types');
  if (types.some((type) => !EVENT_TYPES.includes(type.toLowerCase()))) throw new KubectlError('error: valid --types are Normal or Warning');
  return types.map((type) => type.toLowerCase());
}

/**
 * Writes events into the tab writer: table rows, or in the -o format one Event (watching) or the
 * EventList of them all.
 */
type EventsWriter = (events: CoreEvent[], out: TabWriter, asList: boolean) => Promise<void>;

/** An event as kubectl's typed client holds it: kind and apiVersion set, Go's field order. */
function typedEvent(e: CoreEvent): KubeObject {
  return asTyped({ ...e, kind: 'Event', apiVersion: 'v1' });
}

function eventsWriter(ctx: KubectlContext, format: OutputFormat | undefined, flags: ParsedFlags): EventsWriter {
  if (!format) {
    const table = new EventTable({ noHeaders: flagBool(flags, 'no-headers'), allNamespaces: flagBool(flags, 'all-namespaces') });
    return async (events, out) => table.print(events, ctx.now(), out);
  }
  let printed = 0;
  return async (events, out, asList) => {
    // kubectl's name printer refuses lists (silently, as kubectl events ignores the error).
    if (format.kind === 'name' && asList) return;
    // Its YAML printer separates the documents it prints after the first.
    if (format.kind === 'yaml' && printed++ > 0) out.write('---\n');
    const object = asList ? { kind: 'EventList', apiVersion: 'v1', metadata: {}, items: events.map(typedEvent) } : typedEvent(events[0]);
    out.write(await printObjects(format, [object], { single: true, typed: true }));
  };
}

async function listOnce(ctx: KubectlContext, namespace: string | undefined, fieldSelector: string | undefined, wanted: (e: CoreEvent) => boolean, write: EventsWriter, noneFound: string): Promise<void> {
  const events = (await listEvents(ctx, namespace, fieldSelector)).filter(wanted);
  if (events.length === 0) {
    ctx.stderr(`${noneFound}\n`);
    return;
  }
  sortEvents(events);
  const out = new TabWriter(KUBECTL_TABS);
  await write(events, out, true);
  ctx.stdout(out.flush());
}

/** Prints events as the watch brings them (deleted ones left out) until cancelled or ended. */
async function watchEvents(ctx: KubectlContext, namespace: string | undefined, fieldSelector: string | undefined, wanted: (e: CoreEvent) => boolean, write: EventsWriter): Promise<void> {
  const out = new TabWriter(KUBECTL_TABS);
  let printing = Promise.resolve();
  await new Promise<void>((resolve, reject) => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    ctx.signal.onCancel(() => {
      cancelled = true;
      stop?.();
      resolve();
    });
    ctx.client
      .watch<CoreEvent>(EVENTS, namespace, { fieldSelector, limit: 500 }, (event) => {
        if (event.type !== 'ADDED' && event.type !== 'MODIFIED') return;
        const e = event.object;
        if (!wanted(e)) return;
        printing = printing.then(async () => {
          await write([e], out, false);
          ctx.stdout(out.flush());
        });
      })
      .then((handle) => {
        stop = () => handle.stop();
        if (cancelled) handle.stop();
        void handle.ended.then(resolve);
      }, reject);
  });
  await printing;
}

export const eventsCommand: Command = {
  name: 'events',
  summary: 'List events',
  usage:
    'kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    { name: 'chunk-size', type: 'int', default: 500 },
    { name: 'for', type: 'string', default: '' },
    { name: 'no-headers', type: 'bool', default: false },
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'show-managed-fields', type: 'bool', default: false },
    { name: 'template', type: 'string', default: '' },
    { name: 'types', type: 'stringSlice', default: [] },
    { name: 'watch', short: 'w', type: 'bool', default: false },
  ],
  async run(flags, ctx) {
    const allNamespaces = flagBool(flags, 'all-namespaces');
    const namespace = namespaceOf(flags, ctx);
    const forText = flagString(flags, 'for');
    const fieldSelector = eventsForSelector(forText ? await resolveEventsFor(ctx.mapper, forText) : undefined);
    const write = eventsWriter(ctx, eventsOutputFormat(flagString(flags, 'output'), flagString(flags, 'template')), flags);
    const types = eventTypes(flags);
    const wanted = (e: CoreEvent) => types.length === 0 || types.includes((e.type ?? '').toLowerCase());
    const listed = allNamespaces ? undefined : namespace;
    // kubectl lists 500 at a time whatever --chunk-size says.
    if (flagBool(flags, 'watch')) await watchEvents(ctx, listed, fieldSelector, wanted, write);
    else await listOnce(ctx, listed, fieldSelector, wanted, write, allNamespaces ? 'No events found.' : `No events found in ${namespace} namespace.`);
    return 0;
  },
};
