import { describe, expect, it } from 'vitest';
import type { Taint } from '../../api/core';
import { applyTaintChanges, TaintsNotFoundError } from './taint-changes';
import { parseTaintChanges } from './taint-spec';

const DEDICATED: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
const SPOT: Taint = { key: 'spot', effect: 'NoExecute', timeAdded: '2025-01-01T00:00:00Z' };

function apply(current: Taint[], specs: string[], overwrite = false) {
  return applyTaintChanges('n1', current, parseTaintChanges(specs), overwrite);
}

describe('applyTaintChanges', () => {
  it('puts added taints first and keeps the others as they were', () => {
    expect(apply([SPOT], ['dedicated=gpu:NoSchedule'])).toEqual({ operation: 'tainted', taints: [DEDICATED, SPOT] });
  });

  it('refuses a taint with the same key and effect without --overwrite, listing the keys', () => {
    expect(() => apply([DEDICATED, SPOT], ['dedicated=cpu:NoSchedule', 'spot:NoExecute'])).toThrow('node n1 already has dedicated,spot taint(s) with same effect(s) and --overwrite is false');
  });

  it('replaces it with --overwrite, which always reports modified', () => {
    expect(apply([SPOT, DEDICATED], ['dedicated=cpu:NoSchedule'], true)).toEqual({ operation: 'modified', taints: [{ ...DEDICATED, value: 'cpu' }, SPOT] });
    expect(apply([SPOT], ['other:NoSchedule'], true).operation).toBe('modified');
  });

  it('removes by key and effect, or every effect of a key', () => {
    const both: Taint = { ...DEDICATED, effect: 'NoExecute' };
    expect(apply([DEDICATED, both, SPOT], ['dedicated:NoExecute-'])).toEqual({ operation: 'untainted', taints: [DEDICATED, SPOT] });
    expect(apply([DEDICATED, both, SPOT], ['dedicated-'])).toEqual({ operation: 'untainted', taints: [SPOT] });
  });

  it('reports modified when it both adds and removes', () => {
    expect(apply([SPOT], ['dedicated=gpu:NoSchedule', 'spot-'])).toEqual({ operation: 'modified', taints: [DEDICATED] });
  });

  it('fails with every removal that matched nothing', () => {
    const attempt = () => apply([SPOT], ['gone-', 'spot:NoSchedule-', 'spot-']);
    expect(attempt).toThrow(TaintsNotFoundError);
    expect(attempt).toThrow('[taint "gone" not found, taint "spot:NoSchedule" not found]');
  });

  it('names a single missing taint without brackets', () => {
    expect(() => apply([], ['gone:NoExecute-'])).toThrow(new TaintsNotFoundError(['taint "gone:NoExecute" not found']));
  });
});
