// Streaming a container's log to standard output (kubectl logs, and run's fallback when it
// cannot attach): whole or followed until the container ends or the user presses Ctrl+C.

import { StatusError } from '../client/client';
import type { KubectlContext } from './context';

/** GETs `path` (a pods/log URL) and writes what arrives with `write` (standard output by default). */
export async function streamLog(ctx: KubectlContext, path: string, query: Record<string, string>, write: (text: string) => void = ctx.stdout): Promise<void> {
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
      .stream({ method: 'GET', path, query }, { data: (chunk) => !done && write(String(chunk)), end: finish })
      .then((response) => {
        if (response.status >= 400) {
          done = true;
          reject(new StatusError(response.body as never));
          return;
        }
        streamId = response.streamId;
        if (streamId === undefined && typeof response.body === 'string') write(response.body);
        if (streamId === undefined) finish();
      }, reject);
  });
}

/**
 * A writer that puts `prefix` before every line (kubectl logs --prefix); `flush` writes a last
 * line that did not end with a newline.
 */
export function linePrefixer(prefix: string, write: (text: string) => void): { write: (text: string) => void; flush: () => void } {
  let pending = '';
  return {
    write: (text) => {
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      if (lines.length > 0) write(lines.map((line) => `${prefix}${line}\n`).join(''));
    },
    flush: () => {
      if (pending) write(`${prefix}${pending}`);
      pending = '';
    },
  };
}
