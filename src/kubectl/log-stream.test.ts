import { describe, expect, it } from 'vitest';
import { linePrefixer } from './log-stream';

describe('linePrefixer', () => {
  it('prefixes every line, across chunks that split lines, and a last line without a newline on flush', () => {
    let out = '';
    const prefixed = linePrefixer('[pod/a/c] ', (text) => (out += text));
    prefixed.write('one\ntw');
    expect(out).toBe('[pod/a/c] one\n');
    prefixed.write('o\n\nthree');
    expect(out).toBe('[pod/a/c] one\n[pod/a/c] two\n[pod/a/c] \n');
    prefixed.flush();
    expect(out).toBe('[pod/a/c] one\n[pod/a/c] two\n[pod/a/c] \n[pod/a/c] three');
    prefixed.flush();
    expect(out.endsWith('three')).toBe(true);
  });
});
