import { describe, expect, it } from 'vitest';
import { formatSelector, fromLabelSelector, matches, parseSelector, SelectorParseError } from './labels';

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'frontend', version: '3' };

  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app in (web,api)', true],
    ['tier notin (frontend)', false],
    ['app', true],
    ['!app', false],
    ['missing', false],
    ['!missing', true],
    ['app=web,tier=frontend', true],
    ['app=web,tier=backend', false],
    ['version>2', true],
    ['version<3', false],
    ['', true],
  ])('%s matches: %s', (text, expected) => {
    expect(matches(parseSelector(text), labels)).toBe(expected);
  });

  it('rejects malformed selectors with the parser error', () => {
    expect(() => parseSelector('app in web')).toThrowError(SelectorParseError);
    expect(() => parseSelector('=web')).toThrowError(/expected: identifier/);
  });

  it('turns matchLabels and matchExpressions into one selector', () => {
    const selector = fromLabelSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend', 'edge'] }] });
    expect(matches(selector, labels)).toBe(true);
    expect(formatSelector(selector)).toBe('app=web,tier in (edge,frontend)');
  });
});
