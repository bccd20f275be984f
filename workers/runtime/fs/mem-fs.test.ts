import { describe, expect, it } from 'vitest';
import { Errno } from '../wasi/errno';
import type { FsOp } from './fs-ops';
import { MemFs } from './mem-fs';

const now = (): number => 0;
const text = (fs: MemFs, path: string): string | undefined => {
  const node = fs.lookup(path);
  return node?.kind === 'file' ? new TextDecoder().decode(node.data.subarray(0, node.size)) : undefined;
};

describe('MemFs', () => {
  it('builds a tree from image files with parent directories', () => {
    const fs = MemFs.fromTree({ '/etc/nginx/nginx.conf': 'events {}', '/usr/share/index.html': new Uint8Array([104, 105]) }, now);
    expect(text(fs, 'etc/nginx/nginx.conf')).toBe('events {}');
    expect(text(fs, 'usr/share/index.html')).toBe('hi');
    expect(fs.lookup('etc')?.kind).toBe('dir');
  });

  it('answers WASI errnos for impossible changes', () => {
    const fs = MemFs.fromTree({ 'dir/file': 'x' }, now);
    expect(fs.apply({ op: 'mkdir', path: 'dir' })).toBe(Errno.EXIST);
    expect(fs.apply({ op: 'rmdir', path: 'dir' })).toBe(Errno.NOTEMPTY);
    expect(fs.apply({ op: 'unlink', path: 'dir' })).toBe(Errno.ISDIR);
    expect(fs.apply({ op: 'create', path: 'missing/file' })).toBe(Errno.NOENT);
    expect(fs.apply({ op: 'write', path: 'nothing', offset: 0, data: new Uint8Array(1) })).toBe(Errno.NOENT);
    expect(fs.apply({ op: 'rename', from: 'dir', to: 'dir/inside' })).toBe(Errno.INVAL);
  });

  it('writes past the end fill the gap with zeros; truncate shortens and extends', () => {
    const fs = new MemFs(now);
    fs.apply({ op: 'create', path: 'f' });
    fs.apply({ op: 'write', path: 'f', offset: 2, data: new Uint8Array([65]) });
    expect([...(fs.lookup('f') as { data: Uint8Array }).data.subarray(0, 3)]).toEqual([0, 0, 65]);
    fs.apply({ op: 'truncate', path: 'f', size: 1 });
    fs.apply({ op: 'truncate', path: 'f', size: 4 });
    expect(text(fs, 'f')).toBe('\0\0\0\0');
  });

  it('replays the same ordered operations into the same state on a replica from a snapshot', () => {
    const origin = MemFs.fromTree({ 'a.txt': 'one' }, now);
    const replica = MemFs.fromSnapshot(origin.snapshot(), now);
    const ops: FsOp[] = [
      { op: 'mkdir', path: 'logs' },
      { op: 'create', path: 'logs/app.log' },
      { op: 'write', path: 'logs/app.log', offset: 0, data: new TextEncoder().encode('started\n') },
      { op: 'rename', from: 'a.txt', to: 'logs/a.txt' },
      { op: 'unlink', path: 'logs/a.txt' },
    ];
    for (const op of ops) {
      expect(origin.apply(op)).toBe(Errno.SUCCESS);
      replica.apply(op);
    }
    expect(replica.snapshot()).toEqual(origin.snapshot());
    expect(text(replica, 'logs/app.log')).toBe('started\n');
  });

  it('replace swaps the whole contents (a configMap update)', () => {
    const fs = MemFs.fromTree({ key: 'v1', old: 'x' }, now);
    fs.apply({ op: 'replace', files: { key: 'v2' } });
    expect(text(fs, 'key')).toBe('v2');
    expect(fs.lookup('old')).toBeUndefined();
  });
});
