// kubectl config: the kubeconfig kubetab's kubectl runs with (one cluster, user and context
// named kubetab, at the API server's address), its current context, and setting the context's
// namespace, which later commands then use. Upstream: staging/src/k8s.io/kubectl/pkg/cmd/config.

import type { Command } from '../command';
import type { KubectlContext } from '../context';
import { KubectlError, UsageError } from '../errors';
import { flagBool, flagString } from '../flags';
import { outputFormat, printObjects } from '../printers/output';
import { GET_TABS, TabWriter } from '../tabwriter';
import type { KubeObject } from '../../api/meta';
import { DEFAULT_SERVER_URL } from './cluster-info';

const CONTEXT = 'kubetab';

/** The kubeconfig as `config view` shows it, fields in the order Go's structs give them. */
function kubeconfig(ctx: KubectlContext): Record<string, unknown> {
  const context: Record<string, string> = { cluster: CONTEXT, user: CONTEXT };
  if (ctx.namespace !== 'default') context.namespace = ctx.namespace;
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters: [{ name: CONTEXT, cluster: { server: ctx.server ?? DEFAULT_SERVER_URL } }],
    users: [{ name: CONTEXT, user: {} }],
    contexts: [{ name: CONTEXT, context: { cluster: context.cluster, ...(context.namespace ? { namespace: context.namespace } : {}), user: context.user } }],
    'current-context': CONTEXT,
  };
}

const viewCommand: Command = {
  name: 'view',
  summary: 'Display merged kubeconfig settings or a specified kubeconfig file',
  usage: 'kubectl config view [flags]',
  flags: [
    { name: 'output', short: 'o', type: 'string', default: 'yaml' },
    { name: 'minify', type: 'bool', default: false },
    { name: 'raw', type: 'bool', default: false },
    { name: 'flatten', type: 'bool', default: false },
    { name: 'merge', type: 'bool', default: true },
    { name: 'template', type: 'string', default: '' },
  ],
  async run(flags, ctx) {
    const config = kubeconfig(ctx);
    const format = outputFormat(flagString(flags, 'output'), flagString(flags, 'template'));
    if (format.kind === 'json') {
      ctx.stdout(`${JSON.stringify(config, null, 4)}\n`);
      return 0;
    }
    if (format.kind === 'table' || format.kind === 'name' || format.kind === 'custom-columns') {
      throw new KubectlError(`error: unable to match a printer suitable for the output format "${flagString(flags, 'output')}", allowed formats are: json,yaml,jsonpath,jsonpath-as-json,jsonpath-file,go-template,go-template-file,template,templatefile`);
    }
    ctx.stdout(await printObjects(format, [config as unknown as KubeObject], { single: true }));
    return 0;
  },
};

const currentContextCommand: Command = {
  name: 'current-context',
  summary: 'Display the current-context',
  usage: 'kubectl config current-context [options]',
  flags: [],
  async run(_flags, ctx) {
    ctx.stdout(`${CONTEXT}\n`);
    return 0;
  },
};

const getContextsCommand: Command = {
  name: 'get-contexts',
  summary: 'Describe one or many contexts',
  usage: 'kubectl config get-contexts [(-o|--output=)name)] [options]',
  flags: [
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'no-headers', type: 'bool', default: false },
  ],
  async run(flags, ctx) {
    const wanted = flags.args;
    const missing = wanted.filter((n) => n !== CONTEXT);
    const output = flagString(flags, 'output');
    if (output !== '' && output !== 'name') throw new KubectlError(`error: output must be one of '' or 'name'`);
    const shown = wanted.length === 0 || wanted.includes(CONTEXT);
    if (output === 'name') {
      if (shown) ctx.stdout(`${CONTEXT}\n`);
    } else {
      const tabs = new TabWriter(GET_TABS);
      if (!flagBool(flags, 'no-headers')) tabs.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
      if (shown) tabs.write(`*\t${CONTEXT}\t${CONTEXT}\t${CONTEXT}\t${ctx.namespace === 'default' ? '' : ctx.namespace}\n`);
      ctx.stdout(tabs.flush());
    }
    if (missing.length > 0) throw new KubectlError(`error: context ${missing[0]} not found`);
    return 0;
  },
};

const getClustersCommand: Command = {
  name: 'get-clusters',
  summary: 'Display clusters defined in the kubeconfig',
  usage: 'kubectl config get-clusters [options]',
  flags: [],
  async run(_flags, ctx) {
    ctx.stdout(`NAME\n${CONTEXT}\n`);
    return 0;
  },
};

const useContextCommand: Command = {
  name: 'use-context',
  aliases: ['use'],
  summary: 'Set the current-context in a kubeconfig file',
  usage: 'kubectl config use-context CONTEXT_NAME [options]',
  flags: [],
  async run(flags, ctx) {
    const name = flags.args[0];
    if (!name) throw new UsageError('Unexpected args: []', 'config use-context');
    if (name !== CONTEXT) throw new KubectlError(`error: no context exists with the name: "${name}"`);
    ctx.stdout(`Switched to context "${CONTEXT}".\n`);
    return 0;
  },
};

const setContextCommand: Command = {
  name: 'set-context',
  summary: 'Set a context entry in kubeconfig',
  usage: 'kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]',
  flags: [{ name: 'current', type: 'bool', default: false }],
  async run(flags, ctx) {
    const name = flagBool(flags, 'current') ? CONTEXT : flags.args[0];
    if (!name) throw new KubectlError('error: you must specify a non-empty context name or --current');
    if (name !== CONTEXT) throw new KubectlError(`error: kubetab's kubeconfig has only the context "${CONTEXT}"; set its namespace with --current`);
    if (flags.changed.has('namespace')) {
      const namespace = flagString(flags, 'namespace');
      if (!ctx.setNamespace) throw new KubectlError('error: this kubectl cannot change its kubeconfig');
      ctx.setNamespace(namespace || 'default');
    }
    ctx.stdout(`Context "${CONTEXT}" modified.\n`);
    return 0;
  },
};

export const configCommand: Command = {
  name: 'config',
  summary: 'Modify kubeconfig files',
  usage: 'kubectl config SUBCOMMAND',
  flags: [],
  subcommands: [currentContextCommand, getClustersCommand, getContextsCommand, setContextCommand, useContextCommand, viewCommand],
};
