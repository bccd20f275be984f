// Serves the built site (dist/) under a sub-path on loopback, as static hosting would: files
// only, no server-side code, so tests prove the build works from any path.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

export interface StaticSite {
  url: string;
  /** Every path the browser fetched, with the bytes sent. */
  served: { path: string; bytes: number }[];
  close(): Promise<void>;
}

export async function serveDist(prefix = '/some/path/'): Promise<StaticSite> {
  const served: StaticSite['served'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    const relative = normalize(decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html');
    if (relative.startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    readFile(join(DIST, relative)).then(
      (body) => {
        served.push({ path: url.pathname, bytes: body.length });
        res.writeHead(200, { 'Content-Type': TYPES[extname(relative)] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    served,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
