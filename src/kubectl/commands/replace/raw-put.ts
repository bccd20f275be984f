// `kubectl replace --raw URI -f FILE`: the file's bytes PUT to the URI as they are, and the
// server's answer printed as it came. Upstream: staging/src/k8s.io/kubectl/pkg/rawhttp/raw.go.

import type { KubectlContext } from '../../context';
import { KubectlError } from '../../errors';

export async function rawPut(ctx: KubectlContext, uri: string, file: string): Promise<number> {
  const text = await ctx.readFile(file).catch(() => {
    throw new KubectlError(`error: open ${file}: no such file or directory`);
  });
  const url = new URL(uri, 'http://server');
  const body = await ctx.client.send({ method: 'PUT', path: url.pathname, query: Object.fromEntries(url.searchParams.entries()), body: text, headers: { 'content-type': 'application/json' } });
  ctx.stdout(typeof body === 'string' ? body : JSON.stringify(body));
  return 0;
}
