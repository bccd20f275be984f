import { describe, expect, it } from 'vitest';
import { keyToEnvName, parseEnvChanges, selectContainers, splitEnvironmentFromResources, updateEnv } from './env-args';

describe('set env arguments', () => {
  it('takes resources first and env changes after, and refuses them mixed', () => {
    expect(splitEnvironmentFromResources(['deploy/web', 'A=1', 'B-'])).toEqual({ resources: ['deploy/web'], envArgs: ['A=1', 'B-'] });
    expect(splitEnvironmentFromResources(['deploy/web', 'A=1', 'deploy/api'])).toBeUndefined();
  });

  it('reads sets, removals and an env file, and refuses bad names and a set that is also removed', () => {
    expect(parseEnvChanges(['A=x=y', 'B-', '-'], 'C=3 # note\n# only a comment\nD=\n')).toEqual({
      set: [
        { name: 'A', value: 'x=y' },
        { name: 'C', value: '3 ' },
        { name: 'D', value: '' },
      ],
      remove: ['B'],
    });
    expect(() => parseEnvChanges(['1A=1'], '')).toThrow('"1A" is not a valid key name: a valid environment variable name must consist of');
    expect(() => parseEnvChanges(['..=1'], '')).toThrow("must not be '..'");
    expect(() => parseEnvChanges(['A=1', 'A-'], '')).toThrow('can not both modify and remove the same environment variable in the same command');
  });

  it('replaces a variable where it stands, appends new ones, drops removed ones; the first of two sets wins', () => {
    const existing = [
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
      { name: 'C', value: '3' },
    ];
    const changes = {
      set: [
        { name: 'D', value: '4' },
        { name: 'B', value: 'two' },
        { name: 'D', value: 'four' },
      ],
      remove: ['A'],
    };
    expect(updateEnv(existing, changes)).toEqual([
      { name: 'B', value: 'two' },
      { name: 'C', value: '3' },
      { name: 'D', value: '4' },
    ]);
  });

  it('names config map keys as env vars and picks containers by glob', () => {
    expect(keyToEnvName('log.level-x')).toBe('LOG_LEVEL_X');
    const containers = [{ name: 'web' }, { name: 'web-sidecar' }, { name: 'db' }];
    expect(selectContainers(containers, 'web*').map((c) => c.name)).toEqual(['web', 'web-sidecar']);
    expect(selectContainers(containers, '?b').map((c) => c.name)).toEqual(['db']);
    expect(selectContainers(containers, '[dw]*b').map((c) => c.name)).toEqual(['web', 'db']);
    expect(selectContainers(containers, 'web.x')).toEqual([]);
  });
});
