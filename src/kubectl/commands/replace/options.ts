// What `kubectl replace` is asked to do, read from its flags and refused in the order kubectl
// checks them (Complete, then Validate): --validate, --dry-run, -o, --cascade, the files, the
// deletion flags that only --force takes, then --raw's limits. --grace-period=0 becomes 1 and
// waits for the deletion, as kubectl keeps it from losing data.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/replace/replace.go (Complete, Validate).

import { cascadePolicy } from '../../cascade';
import { KubectlError } from '../../errors';
import { flagArray, flagBool, flagNumber, flagString, type ParsedFlags } from '../../flags';
import { changeOutputFormat } from '../../printers/change-output';
import type { OutputFormat } from '../../printers/output';
import { dryRunOf, validationParam, type DryRun } from '../create/submit';

/** How --force deletes what it replaces. */
export interface ForceDeletion {
  propagationPolicy: string;
  /** Absent: the object's own grace period. */
  gracePeriodSeconds?: number;
  /** Wait until the deleted objects are gone (--wait, or --grace-period=0). */
  waitForDeletion: boolean;
  /** --timeout in ms; 0 leaves each wait its own default. */
  timeoutMs: number;
}

export interface ReplaceOptions {
  files: string[];
  recursive: boolean;
  dryRun: DryRun;
  fieldValidation: string;
  fieldManager: string;
  format: OutputFormat | undefined;
  saveConfig: boolean;
  subresource: string;
  /** --raw: the URI the file is PUT to as it is. */
  raw: string;
  /** Set with --force: delete, then create. */
  force?: ForceDeletion;
}

/** Go's url.ParseRequestURI accepts an absolute path or a URI with a scheme. */
function isRequestUri(text: string): boolean {
  return text === '*' || text.startsWith('/') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text);
}

function checkRaw(raw: string, files: string[], recursive: boolean, output: string): void {
  if (files.length !== 1) throw new KubectlError('error: --raw can only use a single local file or stdin');
  if (/^https?:\/\//.test(files[0])) throw new KubectlError('error: --raw cannot read from a url');
  if (recursive) throw new KubectlError('error: --raw and --recursive are mutually exclusive');
  if (output) throw new KubectlError('error: --raw and --output are mutually exclusive');
  if (!isRequestUri(raw)) throw new KubectlError(`error: --raw must be a valid URL path: parse ${JSON.stringify(raw)}: invalid URI for request`);
}

/** The options `flags` ask for; `warn` receives kubectl's warnings (a boolean --cascade). */
export function readReplaceOptions(flags: ParsedFlags, warn: (text: string) => void): ReplaceOptions {
  const fieldValidation = validationParam(flags);
  const dryRun = dryRunOf(flags);
  const output = flagString(flags, 'output');
  const format = changeOutputFormat(output, flagString(flags, 'template'));
  const propagationPolicy = cascadePolicy(flagString(flags, 'cascade'), warn);
  const files = flagArray(flags, 'filename');
  if (files.length === 0) throw new KubectlError('error: must specify one of -f and -k');
  const force = flagBool(flags, 'force');
  let grace = flagNumber(flags, 'grace-period') ?? -1;
  let waitForDeletion = flagBool(flags, 'wait');
  if (grace === 0) {
    grace = 1;
    waitForDeletion = true;
  }
  if (grace >= 0 && !force) throw new KubectlError('error: --grace-period must have --force specified');
  const timeoutMs = flagNumber(flags, 'timeout') ?? 0;
  if (timeoutMs !== 0 && !force) throw new KubectlError('error: --timeout must have --force specified');
  if (force && dryRun !== 'none') throw new KubectlError('error: --dry-run can not be used when --force is set');
  const recursive = flagBool(flags, 'recursive');
  const raw = flagString(flags, 'raw');
  if (raw) checkRaw(raw, files, recursive, output);
  return {
    files,
    recursive,
    dryRun,
    fieldValidation,
    fieldManager: flagString(flags, 'field-manager'),
    format,
    saveConfig: flagBool(flags, 'save-config'),
    subresource: flagString(flags, 'subresource'),
    raw,
    force: force ? { propagationPolicy, gracePeriodSeconds: grace >= 0 ? grace : undefined, waitForDeletion, timeoutMs } : undefined,
  };
}
