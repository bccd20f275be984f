import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilePersistence } from './file-persistence';

describe('file persistence', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubetab-file-persistence-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lets two writers of one file (a cluster stopping, the next starting) write at once', async () => {
    const path = join(dir, 'state.json');
    const writers = [new FilePersistence(path), new FilePersistence(path)];
    // Each writer writes one batch at a time, as the store's group commit does.
    const writeAll = async (writer: FilePersistence, first: number) => {
      for (let revision = first; revision <= 40; revision += 2) {
        await writer.writeBatch([{ type: 'put', key: `/registry/configmaps/default/c${revision}`, revision, value: { n: revision }, createRevision: revision }], {});
      }
    };
    await expect(Promise.all([writeAll(writers[0], 1), writeAll(writers[1], 2)])).resolves.toBeDefined();
    const saved = JSON.parse(await readFile(path, 'utf8')) as { revision: number; entries: unknown[] };
    expect(saved.entries.length).toBeGreaterThan(0);
    expect(await readdir(dir)).toEqual(['state.json']);
  });
});
