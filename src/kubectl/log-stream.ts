// Streaming a container's log to standard output (kubectl logs, and run's fallback when it
// cannot attach): whole or followed until the container ends or the user presses Ctrl+C.

import { StatusError } from '../client/client';
import type { KubectlContext } from './context';

/** GETs `path` (a pods/log URL) and writes what arrives to stdout. */
export async function streamLog(ctx: KubectlContext, path: string, query: Record<string, string>): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    let done = false;
    let streamId: number | undefined;
    const finish = () => {
      if (done) return;
      done = true;
      if (streamId !== undefined) void ctx.client.transport.cancel(streamId);
      resolve();
    };
    ctx.signal.onCancel(finish);
    ctx.client.transport
      .stream({ method: 'GET', path, query }, { data: (chunk) => !done && ctx.stdout(String(chunk)), end: finish })
      .then((response) => {
        if (response.status >= 400) {
          done = true;
          reject(new StatusError(response.body as never));
          return;
        }
        streamId = response.streamId;
        if (streamId === undefined && typeof response.body === 'string') ctx.stdout(response.body);
        if (streamId === undefined) finish();
      }, reject);
  });
}
