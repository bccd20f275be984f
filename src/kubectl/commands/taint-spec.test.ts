import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors';
import { checkNoConflicts, parseTaintChanges, splitTaintArgs } from './taint-spec';

const QUALIFIED_NAME_REGEX =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('splitTaintArgs', () => {
  it('takes arguments with =, : or a trailing - as taint changes', () => {
    expect(splitTaintArgs(['nodes', 'a', 'b', 'k=v:NoSchedule', 'k:NoExecute', 'k-'])).toEqual({ resources: ['nodes', 'a', 'b'], taintArgs: ['k=v:NoSchedule', 'k:NoExecute', 'k-'] });
  });

  it('refuses a resource after the first taint change', () => {
    expect(() => splitTaintArgs(['nodes', 'k=v:NoSchedule', 'a'])).toThrow('error: all resources must be specified before taint changes: a');
  });
});

describe('parseTaintChanges', () => {
  it('reads additions with and without a value, and removals by key and effect or by key', () => {
    expect(parseTaintChanges(['dedicated=gpu:NoSchedule', 'spot:PreferNoSchedule', 'old:NoExecute-', 'gone-'])).toEqual({
      add: [
        { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
        { key: 'spot', effect: 'PreferNoSchedule' },
      ],
      remove: [
        { key: 'old', effect: 'NoExecute' },
        { key: 'gone', effect: '' },
      ],
    });
  });

  it('accepts a prefixed key and an empty value', () => {
    expect(parseTaintChanges(['example.com/team=:NoSchedule']).add).toEqual([{ key: 'example.com/team', effect: 'NoSchedule' }]);
  });

  it.each([
    ['k=v:Bogus', 'invalid taint effect: Bogus, unsupported taint effect'],
    ['k=v:', 'invalid taint effect: , unsupported taint effect'],
    ['k=v', `invalid taint spec: k=v, ${QUALIFIED_NAME_REGEX}`],
    ['k', 'invalid taint spec: k'],
    ['a=b=c:NoSchedule', 'invalid taint spec: a=b=c:NoSchedule'],
    ['a:b:c', 'invalid taint spec: a:b:c'],
    ['k=v w:NoSchedule', "invalid taint spec: k=v w:NoSchedule, a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
    [`${'k'.repeat(64)}:NoSchedule`, `invalid taint spec: ${'k'.repeat(64)}:NoSchedule, name part must be no more than 63 characters`],
    ['k=v-', `invalid taint spec: k=v, ${QUALIFIED_NAME_REGEX}`],
  ])('refuses %s as a usage error', (spec, message) => {
    const parse = () => parseTaintChanges([spec]);
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(message);
  });

  it('refuses the same key and effect added twice, naming the second taint as Go prints it', () => {
    expect(() => parseTaintChanges(['a=b:NoSchedule', 'a=c:NoSchedule'])).toThrow('duplicated taints with the same key and effect: {a c NoSchedule <nil>}');
  });
});

describe('checkNoConflicts', () => {
  it('refuses adding and removing the same taint, listing each conflict as key=effect', () => {
    expect(() => checkNoConflicts(parseTaintChanges(['z=z:NoSchedule', 'z:NoSchedule-', 'z-']))).toThrow(
      'error: can not both modify and remove the following taint(s) in the same command: z=NoSchedule, z=',
    );
  });

  it('allows removing another effect of the same key', () => {
    expect(() => checkNoConflicts(parseTaintChanges(['z=z:NoSchedule', 'z:NoExecute-']))).not.toThrow();
  });
});
