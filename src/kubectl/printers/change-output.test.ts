import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/meta';
import { compileJsonPath } from '../jsonpath/evaluate';
import { changeOutputFormat, printChanged } from './change-output';

const DEPLOYMENT: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } };

describe('changeOutputFormat', () => {
  it('prints the operation message without -o or --template', () => {
    expect(changeOutputFormat('', '')).toBeUndefined();
  });

  it('takes the object formats and a bare --template as a Go template', () => {
    expect(changeOutputFormat('yaml', '')).toEqual({ kind: 'yaml' });
    expect(changeOutputFormat('name', '')).toEqual({ kind: 'name' });
    expect(changeOutputFormat('', '{{.kind}}')).toEqual({ kind: 'go-template', template: '{{.kind}}' });
  });

  it('refuses table formats with the formats these commands know', () => {
    const allowed = 'allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';
    expect(() => changeOutputFormat('wide', '')).toThrow(`error: unable to match a printer suitable for the output format "wide", ${allowed}`);
    expect(() => changeOutputFormat('custom-columns=NAME:.metadata.name', '')).toThrow(`output format "custom-columns=NAME:.metadata.name", ${allowed}`);
  });
});

describe('printChanged', () => {
  it('names the kind with its group and marks dry runs', async () => {
    expect(await printChanged(undefined, DEPLOYMENT, 'replaced', 'none')).toBe('deployment.apps/web replaced\n');
    expect(await printChanged(undefined, DEPLOYMENT, 'replaced', 'client')).toBe('deployment.apps/web replaced (dry run)\n');
    expect(await printChanged(undefined, DEPLOYMENT, 'created', 'server')).toBe('deployment.apps/web created (server dry run)\n');
  });

  it('prints only the name with -o name, and the object itself in the other formats', async () => {
    expect(await printChanged({ kind: 'name' }, DEPLOYMENT, 'replaced', 'client')).toBe('deployment.apps/web\n');
    expect(await printChanged({ kind: 'jsonpath', template: '{.kind}', path: compileJsonPath('{.kind}'), asJson: false }, DEPLOYMENT, 'replaced', 'none')).toBe('Deployment');
  });
});
