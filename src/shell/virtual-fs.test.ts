import { describe, expect, it } from 'vitest';
import { VirtualFs } from './virtual-fs';

describe('VirtualFs binary files', () => {
  it('holds bytes beside text files, lists them, and keeps only text in the store', () => {
    const saved: Record<string, string>[] = [];
    const files = new VirtualFs({ load: () => ({ '/home/learner/pod.yaml': 'kind: Pod\n' }), save: (all) => saved.push({ ...all }) });
    files.writeBinary('app.wasm', Uint8Array.from([0, 97, 115, 109]));
    expect(files.readBinary('/home/learner/app.wasm')).toEqual(Uint8Array.from([0, 97, 115, 109]));
    expect(files.readBinary('pod.yaml')).toEqual(new TextEncoder().encode('kind: Pod\n'));
    expect(files.list('.')).toEqual(['app.wasm', 'pod.yaml']);
    expect(saved).toEqual([]);
    files.write('app.wasm', 'now text');
    expect(files.read('app.wasm')).toBe('now text');
    expect(saved.at(-1)).toEqual({ '/home/learner/pod.yaml': 'kind: Pod\n', '/home/learner/app.wasm': 'now text' });
    expect(files.remove('app.wasm')).toBe(true);
    expect(files.readBinary('app.wasm')).toBeUndefined();
  });
});
