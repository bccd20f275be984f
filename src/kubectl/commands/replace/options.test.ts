import { describe, expect, it } from 'vitest';
import { parseFlags } from '../../flags';
import { replaceCommand } from '../replace';
import { readReplaceOptions } from './options';

function options(...argv: string[]) {
  const warnings: string[] = [];
  const read = readReplaceOptions(parseFlags(argv, replaceCommand.flags), (text) => warnings.push(text));
  return { read, warnings };
}

function refusal(...argv: string[]): string {
  try {
    options(...argv);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

describe('readReplaceOptions', () => {
  it('replaces in place by default, with the kubectl-replace field manager and strict validation', () => {
    expect(options('-f', 'cm.yaml').read).toEqual({
      files: ['cm.yaml'],
      recursive: false,
      dryRun: 'none',
      fieldValidation: 'Strict',
      fieldManager: 'kubectl-replace',
      format: undefined,
      saveConfig: false,
      subresource: '',
      raw: '',
      force: undefined,
    });
  });

  it('turns --grace-period=0 into 1 and waits for the deletion', () => {
    expect(options('-f', 'cm.yaml', '--force', '--grace-period=0').read.force).toEqual({ propagationPolicy: 'Background', gracePeriodSeconds: 1, waitForDeletion: true, timeoutMs: 0 });
    expect(options('-f', 'cm.yaml', '--force', '--cascade=orphan', '--timeout=10s').read.force).toEqual({ propagationPolicy: 'Orphan', gracePeriodSeconds: undefined, waitForDeletion: false, timeoutMs: 10_000 });
  });

  it('warns about a boolean --cascade', () => {
    expect(options('-f', 'cm.yaml', '--force', '--cascade=false').warnings).toEqual(['warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n']);
  });

  it('refuses what kubectl refuses, in the order it checks', () => {
    expect(refusal('--validate=bogus', '--dry-run=bogus')).toMatch(/^error: invalid - validate option "bogus"/);
    expect(refusal('--dry-run=bogus', '-o', 'wide')).toBe('error: Invalid dry-run value (bogus). Must be "none", "server", or "client".');
    expect(refusal('-o', 'wide', '--cascade=bogus')).toMatch(/^error: unable to match a printer suitable for the output format "wide"/);
    expect(refusal('--cascade=bogus')).toBe('error: invalid cascade value (bogus). Must be "background", "foreground", or "orphan"');
    expect(refusal('--grace-period=5')).toBe('error: must specify one of -f and -k');
    expect(refusal('-f', 'x', '--grace-period=0', '--timeout=1s')).toBe('error: --grace-period must have --force specified');
    expect(refusal('-f', 'x', '--timeout=1s')).toBe('error: --timeout must have --force specified');
    expect(refusal('-f', 'x', '--force', '--dry-run=server')).toBe('error: --dry-run can not be used when --force is set');
  });

  it('keeps --raw to one file, no recursion, no -o and a request URI', () => {
    expect(options('-f', '-', '--raw', '/api/v1/namespaces/default/configmaps/x').read.raw).toBe('/api/v1/namespaces/default/configmaps/x');
    expect(refusal('-f', 'a', '-f', 'b', '--raw', '/x')).toBe('error: --raw can only use a single local file or stdin');
    expect(refusal('-f', 'https://example.com/cm.yaml', '--raw', '/x')).toBe('error: --raw cannot read from a url');
    expect(refusal('-f', 'dir', '-R', '--raw', '/x')).toBe('error: --raw and --recursive are mutually exclusive');
    expect(refusal('-f', 'a', '-o', 'name', '--raw', '/x')).toBe('error: --raw and --output are mutually exclusive');
    expect(refusal('-f', 'a', '--raw', 'x')).toBe('error: --raw must be a valid URL path: parse "x": invalid URI for request');
  });
});
