// kubectl explain: documentation of a resource or one of its fields, from the server's
// OpenAPI v3 document for the resource's group version, as kubectl's plaintext template
// prints it; --recursive lists the whole field tree. Upstream:
// staging/src/k8s.io/kubectl/pkg/cmd/explain/explain.go and pkg/explain/v2.

import type { Command } from '../command';
import { KubectlError } from '../errors';
import { flagBool, flagString } from '../flags';
import { renderExplain, type OpenApiDocument } from '../explain/render';

const MISSING = 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.';

interface OpenApiIndex {
  paths: Record<string, { serverRelativeURL: string }>;
}

export const explainCommand: Command = {
  name: 'explain',
  summary: 'Get documentation for a resource',
  usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2]',
  flags: [
    { name: 'recursive', type: 'bool', default: false },
    { name: 'api-version', type: 'string', default: '' },
    { name: 'output', short: 'o', type: 'string', default: 'plaintext' },
  ],
  async run(flags, ctx) {
    if (flags.args.length === 0) throw new KubectlError(MISSING);
    if (flags.args.length > 1) throw new KubectlError(`error: We accept only this format: explain RESOURCE\nSee 'kubectl explain -h' for help and examples`);
    const output = flagString(flags, 'output');
    if (output !== 'plaintext') throw new KubectlError(`error: unsupported output format: ${output}`);
    const [resourceText, ...fieldPath] = flags.args[0].split('.');
    const type = await ctx.mapper.find(resourceText);
    if (!type) throw new KubectlError(`the server doesn't have a resource type "${resourceText}"`);
    const apiVersion = flagString(flags, 'api-version');
    const groupVersion = apiVersion || (type.group ? `${type.group}/${type.version}` : type.version);
    const index = await ctx.client.send<OpenApiIndex>({ method: 'GET', path: '/openapi/v3' });
    const key = groupVersion.includes('/') ? `apis/${groupVersion}` : `api/${groupVersion}`;
    const entry = index.paths[key];
    if (!entry) throw new KubectlError(`error: couldn't find resource for "${groupVersion}"`);
    const url = new URL(entry.serverRelativeURL, 'http://server');
    const doc = await ctx.client.send<OpenApiDocument>({ method: 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams.entries()) });
    const slash = groupVersion.indexOf('/');
    const gvr = { group: slash < 0 ? '' : groupVersion.slice(0, slash), version: slash < 0 ? groupVersion : groupVersion.slice(slash + 1), resource: type.resource };
    const { text, error } = renderExplain(doc, gvr, fieldPath, flagBool(flags, 'recursive'));
    ctx.stdout(text);
    if (error) throw new KubectlError(error);
    return 0;
  },
};
