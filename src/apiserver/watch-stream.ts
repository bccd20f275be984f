// A watch request as a stream: events as they happen (Tables of one row when the client asked
// for Tables, the column definitions only in the first), periodic BOOKMARKs when asked for,
// and the end after timeoutSeconds. A resourceVersion too old to resume from is answered in
// the stream, as upstream does: one ERROR event carrying the 410 Expired Status.

import type { KubeObject } from '../api/meta';
import { representation, toTable } from './content';
import { ApiError, errors } from './errors';
import { validateListOptions } from './registry/list';
import { parseListOptions } from './registry/options';
import { bookmark, startWatch, type WatchEvent } from './registry/watch';
import type { ApiRequest, ApiResponse, StreamSink } from './request';
import type { HandlerContext } from './resource-handler';

const JSON_HEADERS = { 'content-type': 'application/json' };
const BOOKMARK_INTERVAL_MS = 60_000;

export function watchResource(ctx: HandlerContext, req: ApiRequest, namespace: string | undefined, sink: StreamSink | undefined): ApiResponse {
  const options = parseListOptions(req.query);
  validateListOptions(options, true);
  if (!sink) throw errors.badRequest('watch requests need a streaming client');
  const asTable = representation(req) === 'table';
  let first = true;
  let cancelled = false;
  const emit = (event: WatchEvent) => {
    if (cancelled) return;
    let object = event.object;
    if (asTable && (event.type === 'ADDED' || event.type === 'MODIFIED' || event.type === 'DELETED')) {
      object = toTable(req, ctx.registry.strategy.table, [event.object as KubeObject], undefined, ctx.server.clock.now(), first);
      first = false;
    }
    sink.data({ type: event.type, object });
  };
  let stopWatch: () => void;
  try {
    stopWatch = startWatch(ctx.registry, ctx.store, namespace, options, emit);
  } catch (error) {
    if (error instanceof ApiError && error.status.code === 410) {
      sink.data({ type: 'ERROR', object: error.status });
      sink.end();
      return { status: 200, headers: JSON_HEADERS };
    }
    throw error;
  }
  let timeout: { cancel(): void } | undefined;
  let nextBookmark: { cancel(): void } | undefined;
  const stop = () => {
    cancelled = true;
    stopWatch();
    timeout?.cancel();
    nextBookmark?.cancel();
  };
  const id = ctx.openStream({ cancel: stop });
  const finish = () => {
    if (cancelled) return;
    stop();
    ctx.closeStream(id);
    sink.end();
  };
  if (options.timeoutSeconds !== undefined && options.timeoutSeconds > 0) {
    timeout = ctx.server.clock.after(options.timeoutSeconds * 1000, finish);
  }
  if (options.allowWatchBookmarks) {
    const tick = () => {
      if (cancelled) return;
      sink.data({ type: 'BOOKMARK', object: bookmark(ctx.registry, ctx.store.revision) });
      nextBookmark = ctx.server.clock.after(BOOKMARK_INTERVAL_MS, tick);
    };
    nextBookmark = ctx.server.clock.after(BOOKMARK_INTERVAL_MS, tick);
  }
  return { status: 200, headers: JSON_HEADERS, streamId: id };
}
