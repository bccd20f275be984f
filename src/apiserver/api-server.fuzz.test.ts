// A property test: whatever arrives (random methods, paths, queries, headers and bodies, often
// malformed), the API server answers with a well-formed response or Status, never an internal
// error, never throws, and never stores an object that is not in the shape Go would write.

import { describe, expect, it } from 'vitest';
import { startTestApi } from '../../test/support/api-server';
import { Fuzzer, random, randomRequest } from '../../test/support/fuzz-requests';
import { isStatus, type KubeObject } from '../api/meta';
import { normalizeWithSchema } from '../api/schema/decode';
import { schemaForKind } from '../api/schema/registry';

const SEEDS = [1, 2, 3];
const REQUESTS_PER_SEED = 700;

describe('the API server under random requests', () => {
  it.each(SEEDS)('answers every request of seed %i with a valid response', async (seed) => {
    const t = await startTestApi();
    const fuzzer = new Fuzzer(random(seed));
    for (let i = 0; i < REQUESTS_PER_SEED; i++) {
      const request = randomRequest(fuzzer);
      const response = await t.server.stream(request, { data: () => undefined, end: () => undefined });
      if (response.streamId !== undefined) await t.server.cancel(response.streamId);
      const where = `request ${i} of seed ${seed}: ${request.method} ${request.path} ${JSON.stringify(request.query)}`;
      expect(Number.isInteger(response.status), where).toBe(true);
      expect(response.status, where).toBeGreaterThanOrEqual(200);
      expect(response.status, where).toBeLessThan(600);
      expect(response.status, `${where} → ${JSON.stringify(response.body)}`).not.toBe(500);
      if (response.status >= 400) {
        expect(isStatus(response.body), where).toBe(true);
        expect(response.body, where).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: response.status });
        expect(typeof (response.body as { message: unknown }).message, where).toBe('string');
      }
    }
    expect(t.server.openStreams).toBe(0);
    for (const entry of t.store.list('/registry/').entries) {
      const object = entry.value as KubeObject;
      const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
      const schema = schemaForKind(group, version, object.kind);
      expect(schema, entry.key).toBeDefined();
      if (schema) expect(normalizeWithSchema(object, schema), entry.key).toEqual(object);
    }
  });
});
