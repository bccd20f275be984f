// kubectl replace -f: each object from the files (directories, -R, `-` for stdin) PUT over the
// live one, which must exist; prints `kind/name replaced` (marked for dry runs) or the object in
// the -o format. --force deletes and creates instead, --subresource replaces status or scale,
// --raw PUTs the file's bytes to a URI. Errors of single objects are reported together at the
// end, after what could be done. Upstream: staging/src/k8s.io/kubectl/pkg/cmd/replace/replace.go.

import { resourcePath } from '../../api/scheme';
import { namespaceOf, type Command } from '../command';
import type { KubectlContext } from '../context';
import { KubectlError, reportErrors, visitErrors, withFileContext } from '../errors';
import { placedObject, resolveFiles, type ResolvedFiles } from '../manifests/resolve-manifest';
import { CHANGE_PRINT_FLAGS, printChanged } from '../printers/change-output';
import { withSavedConfig } from './apply/last-applied';
import { forceReplace } from './replace/force-replace';
import { readReplaceOptions, type ReplaceOptions } from './replace/options';
import { putObject } from './replace/put-object';
import { rawPut } from './replace/raw-put';
import { requireName } from './replace/resolve-files';

async function replaceEach(ctx: KubectlContext, files: ResolvedFiles, options: ReplaceOptions): Promise<number> {
  const errors: unknown[] = [];
  const query: Record<string, string> = { fieldManager: options.fieldManager, fieldValidation: options.fieldValidation };
  if (options.dryRun === 'server') query.dryRun = 'All';
  for (const manifest of files.manifests) {
    try {
      requireName(manifest, 'replacing');
      const object = withSavedConfig(placedObject(manifest), options.saveConfig);
      const path = resourcePath(manifest.type, manifest.namespace, manifest.name, options.subresource || undefined);
      const result = options.dryRun === 'client' ? object : await putObject(ctx, path, object, query);
      ctx.stdout(await printChanged(options.format, result, 'replaced', options.dryRun));
    } catch (error) {
      errors.push(withFileContext(error, 'replacing', manifest.source));
    }
  }
  return reportErrors(ctx, visitErrors(errors, files.errors));
}

export const replaceCommand: Command = {
  name: 'replace',
  summary: 'Replace a resource by file name or stdin',
  usage: 'kubectl replace -f FILENAME',
  flags: [
    { name: 'filename', short: 'f', type: 'stringSlice', default: [] },
    { name: 'recursive', short: 'R', type: 'bool', default: false },
    ...CHANGE_PRINT_FLAGS,
    { name: 'dry-run', type: 'string', default: 'none' },
    { name: 'validate', type: 'string', default: 'strict' },
    { name: 'save-config', type: 'bool', default: false },
    { name: 'field-manager', type: 'string', default: 'kubectl-replace' },
    { name: 'subresource', type: 'string', default: '' },
    { name: 'raw', type: 'string', default: '' },
    { name: 'force', type: 'bool', default: false },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'timeout', type: 'duration', default: 0 },
    { name: 'wait', type: 'bool', default: false },
    { name: 'cascade', type: 'string', default: 'background' },
  ],
  async run(flags, ctx) {
    const options = readReplaceOptions(flags, (text) => ctx.stderr(text));
    if (options.raw) return rawPut(ctx, options.raw, options.files[0]);
    const files = await resolveFiles(ctx, options.files, options.recursive, namespaceOf(flags, ctx), flags.changed.has('namespace'));
    if (!options.force) return replaceEach(ctx, files, options);
    if (flags.args.length > 0) throw new KubectlError('error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    return forceReplace(ctx, files, options.force, options);
  },
};
