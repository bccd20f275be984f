// The state both clients start from: the objects in fixtures/seed, created through the API,
// then time for pods to start and controllers to settle.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../src/api/meta';
import { findKind, resourcePath } from '../../src/api/scheme';
import { FIXTURES, type Oracle } from './oracle-harness';

export async function seedCluster(oracle: Oracle): Promise<void> {
  const folder = join(FIXTURES, 'seed');
  for (const file of (await readdir(folder)).sort()) {
    for (const document of parseAllDocuments(await readFile(join(folder, file), 'utf8'))) {
      const object = document.toJSON() as KubeObject;
      const type = findKind(object.apiVersion, object.kind);
      if (!type) throw new Error(`seed: no resource for ${object.apiVersion} ${object.kind}`);
      await oracle.t.client.send({ method: 'POST', path: resourcePath(type, type.namespaced ? 'default' : undefined), body: object });
    }
  }
  await oracle.pumping(waitForRunningPods(oracle));
  await oracle.settle(5000);
}

async function waitForRunningPods(oracle: Oracle): Promise<void> {
  for (;;) {
    const pods = await oracle.t.client.send<{ items: { metadata: { name: string }; status?: { phase?: string } }[] }>({ method: 'GET', path: '/api/v1/namespaces/default/pods' });
    const wanted = pods.items.filter((p) => ['web', 'worker'].includes(p.metadata.name));
    if (wanted.length === 2 && wanted.every((p) => p.status?.phase === 'Running')) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}
