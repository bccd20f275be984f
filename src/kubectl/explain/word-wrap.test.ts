import { describe, expect, it } from 'vitest';
import { indent, wrapWords } from './word-wrap';

describe('explain word wrapping', () => {
  it('breaks at the last space before the limit and keeps line breaks', () => {
    expect(wrapWords('the quick brown fox jumps', 10)).toBe('the quick\nbrown fox\njumps');
    expect(wrapWords('first line\nsecond', 40)).toBe('first line\nsecond');
  });

  it('does not split words longer than the limit', () => {
    expect(wrapWords('a supercalifragilistic word', 8)).toBe('a\nsupercalifragilistic\nword');
  });

  it('indents every line, an empty last one too', () => {
    expect(indent('a\nb\n', 4)).toBe('    a\n    b\n    ');
  });
});
