// kubectl auth can-i: asks the API server (a SelfSubjectAccessReview) whether the user may do
// a verb on a resource, and prints yes or no (exit code 0 or 1).
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go.

import type { Command } from '../command';
import { namespaceOf } from '../command';
import { KubectlError } from '../errors';
import { flagBool, flagString } from '../flags';

const TWO_ARGUMENTS = "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.";

interface AccessReview {
  status?: { allowed?: boolean; denied?: boolean; reason?: string };
}

const canICommand: Command = {
  name: 'can-i',
  summary: 'Check whether an action is allowed',
  usage: 'kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL]',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
    { name: 'quiet', short: 'q', type: 'bool', default: false },
    { name: 'subresource', type: 'string', default: '' },
    { name: 'list', type: 'bool', default: false },
    { name: 'no-headers', type: 'bool', default: false },
  ],
  async run(flags, ctx) {
    const [verb, target] = flags.args;
    if (!verb || !target || flags.args.length > 2) throw new KubectlError(TWO_ARGUMENTS);
    const spec: Record<string, unknown> = {};
    if (target.startsWith('/')) spec.nonResourceAttributes = { path: target, verb };
    else {
      const slash = target.indexOf('/');
      const type = await ctx.mapper.resolve(slash < 0 ? target : target.slice(0, slash));
      const attributes: Record<string, string> = { verb, group: type.group, resource: type.resource };
      if (!flagBool(flags, 'all-namespaces')) attributes.namespace = namespaceOf(flags, ctx);
      if (slash >= 0) attributes.name = target.slice(slash + 1);
      if (flagString(flags, 'subresource')) attributes.subresource = flagString(flags, 'subresource');
      if (type.group !== '') attributes.version = type.version;
      spec.resourceAttributes = attributes;
    }
    const review = await ctx.client.send<AccessReview>({
      method: 'POST',
      path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      body: { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: {}, spec },
      headers: { 'content-type': 'application/json' },
    });
    const allowed = review.status?.allowed === true;
    if (!flagBool(flags, 'quiet')) ctx.stdout(allowed ? 'yes\n' : review.status?.reason ? `no - ${review.status.reason}\n` : 'no\n');
    return allowed ? 0 : 1;
  },
};

export const authCommand: Command = {
  name: 'auth',
  summary: 'Inspect authorization',
  usage: 'kubectl auth [flags] [options]',
  flags: [],
  subcommands: [canICommand],
};
