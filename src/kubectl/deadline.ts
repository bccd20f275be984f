// Waiting for something on the server with a --timeout: resolves when `check` reports done
// (re-checked on every watch event of the objects' type), rejects with kubectl's timeout error
// when the time runs out, and stops on Ctrl+C.

import type { KubeObject } from '../api/meta';
import type { ResourceType } from '../api/scheme';
import type { KubectlContext } from './context';
import { KubectlError } from './errors';

export interface WaitTarget {
  type: ResourceType;
  namespace?: string;
  name: string;
}

/**
 * Watches `target` and calls `check` with the current object (undefined once deleted) at the
 * start and on every change, until it returns true.
 */
export async function waitUntil(ctx: KubectlContext, target: WaitTarget, timeoutMs: number, timeoutMessage: string, check: (object: KubeObject | undefined) => boolean): Promise<void> {
  const current = async () => ctx.client.get(target.type, target.namespace, target.name).catch((error: unknown) => {
    if ((error as { code?: number }).code === 404) return undefined;
    throw error;
  });
  if (check(await current())) return;
  if (timeoutMs <= 0) throw new KubectlError(timeoutMessage);
  await new Promise<void>((resolve, reject) => {
    let stopWatch: (() => void) | undefined;
    let cancelTimer: (() => void) | undefined;
    let done = false;
    const finish = (error?: unknown) => {
      if (done) return;
      done = true;
      stopWatch?.();
      cancelTimer?.();
      if (error) reject(error);
      else resolve();
    };
    const expire = () => finish(new KubectlError(timeoutMessage));
    if (ctx.after) cancelTimer = ctx.after(timeoutMs, expire);
    else {
      const handle = setTimeout(expire, timeoutMs);
      cancelTimer = () => clearTimeout(handle);
    }
    ctx.signal.onCancel(() => finish());
    ctx.client
      .watch(target.type, target.namespace, { fieldSelector: `metadata.name=${target.name}` }, () => {
        void current().then((object) => {
          if (!done && check(object)) finish();
        }, finish);
      })
      .then(async (handle) => {
        stopWatch = () => handle.stop();
        if (done) handle.stop();
        else if (check(await current())) finish();
      }, finish);
  });
}
