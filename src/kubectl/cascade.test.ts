import { describe, expect, it } from 'vitest';
import { cascadePolicy } from './cascade';

describe('cascadePolicy', () => {
  it('maps the three strategies to propagation policies', () => {
    const warnings: string[] = [];
    expect(['background', 'foreground', 'orphan'].map((v) => cascadePolicy(v, (w) => warnings.push(w)))).toEqual(['Background', 'Foreground', 'Orphan']);
    expect(warnings).toEqual([]);
  });

  it('takes the deprecated booleans with a warning', () => {
    const warnings: string[] = [];
    expect(cascadePolicy('true', (w) => warnings.push(w))).toBe('Background');
    expect(cascadePolicy('F', (w) => warnings.push(w))).toBe('Orphan');
    expect(warnings).toEqual([
      'warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n',
      'warning: --cascade=F is deprecated (boolean value) and can be replaced with --cascade=orphan.\n',
    ]);
  });

  it('refuses anything else with kubectl words', () => {
    expect(() => cascadePolicy('sideways', () => undefined)).toThrow('error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"');
  });
});
