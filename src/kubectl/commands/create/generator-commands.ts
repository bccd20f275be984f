// The `kubectl create <kind> NAME` subcommands: each reads its flags, builds the object with
// the generators, and creates it through submitCreate.

import { findResource, type ResourceType } from '../../../api/scheme';
import type { KubeObject } from '../../../api/meta';
import { namespaceOf, type Command } from '../../command';
import type { KubectlContext } from '../../context';
import { KubectlError, UsageError } from '../../errors';
import { StatusError } from '../../../client/client';
import { flagArray, flagNumber, flagString, type FlagSpec, type ParsedFlags } from '../../flags';
import { configMapObject, dataSources, deploymentObject, jobObject, namespaceObject, secretObject, serviceAccountObject, serviceObject } from './generators';
import { CREATE_FLAGS, submitCreate } from './submit';

function nameArgument(flags: ParsedFlags, path: string): string {
  const names = flags.dashIndex >= 0 ? flags.args.slice(0, flags.dashIndex) : flags.args;
  if (names.length !== 1) throw new UsageError(`exactly one NAME is required, got ${names.length}`, path);
  return names[0];
}

function afterDash(flags: ParsedFlags): string[] {
  return flags.dashIndex >= 0 ? flags.args.slice(flags.dashIndex) : [];
}

function generator(
  name: string,
  aliases: string[],
  summary: string,
  resource: ResourceType,
  flags: FlagSpec[],
  build: (name: string, flags: ParsedFlags, ctx: KubectlContext) => Promise<KubeObject>,
  required: string[] = [],
  path = `create ${name}`,
  failure = `failed to create ${name}: `,
): Command {
  return {
    name,
    aliases,
    summary,
    usage: `kubectl ${path} NAME [flags]`,
    flags: [...CREATE_FLAGS, ...flags],
    requiredFlags: required,
    async run(parsed, ctx) {
      const objectName = nameArgument(parsed, path);
      const object = await build(objectName, parsed, ctx);
      const namespace = resource.namespaced ? namespaceOf(parsed, ctx) : undefined;
      if (namespace && resource.namespaced && parsed.changed.has('namespace')) object.metadata.namespace = namespace;
      try {
        await submitCreate(ctx, parsed, resource, namespace, object);
      } catch (error) {
        if (failure && error instanceof StatusError) throw new KubectlError(`error: ${failure}${error.status.message ?? ''}`);
        throw error;
      }
      return 0;
    },
  };
}

const type = (group: string, resource: string) => findResource(group, 'v1', resource)!;

function serviceCommand(name: string, serviceType: string, extra: FlagSpec[]): Command {
  return generator(
    name,
    [],
    `Create a ${name === 'clusterip' ? 'ClusterIP' : name === 'nodeport' ? 'NodePort' : 'LoadBalancer'} service`,
    type('', 'services'),
    [{ name: 'tcp', type: 'stringSlice', default: [] }, ...extra],
    async (objectName, flags) =>
      serviceObject(objectName, serviceType, flagArray(flags, 'tcp'), {
        clusterIP: flagString(flags, 'clusterip'),
        nodePort: flagNumber(flags, 'node-port'),
      }),
    [],
    `create service ${name}`,
    `failed to create ${name === 'clusterip' ? 'ClusterIP' : name === 'nodeport' ? 'NodePort' : 'LoadBalancer'} service: `,
  );
}

const serviceGroup: Command = {
  name: 'service',
  aliases: ['svc'],
  summary: 'Create a service using a specified subcommand',
  usage: 'kubectl create service [flags] [options]',
  flags: [],
  subcommands: [
    serviceCommand('clusterip', 'ClusterIP', [{ name: 'clusterip', type: 'string', default: '' }]),
    serviceCommand('loadbalancer', 'LoadBalancer', []),
    serviceCommand('nodeport', 'NodePort', [{ name: 'node-port', type: 'int', default: 0 }]),
  ],
};

const secretGroup: Command = {
  name: 'secret',
  summary: 'Create a secret using a specified subcommand',
  usage: 'kubectl create secret (docker-registry | generic | tls) [options]',
  flags: [],
  subcommands: [
    generator(
      'generic',
      [],
      'Create a secret from a local file, directory, or literal value',
      type('', 'secrets'),
      [
        { name: 'from-literal', type: 'stringArray', default: [] },
        { name: 'from-file', type: 'stringSlice', default: [] },
        { name: 'type', type: 'string', default: '' },
      ],
      async (objectName, flags, ctx) => secretObject(objectName, await dataSources(ctx, flagArray(flags, 'from-literal'), flagArray(flags, 'from-file')), flagString(flags, 'type')),
      [],
      'create secret generic',
      'failed to create secret ',
    ),
  ],
};

export const GENERATOR_COMMANDS: Command[] = [
  generator(
    'configmap',
    ['cm'],
    'Create a config map from a local file, directory or literal value',
    type('', 'configmaps'),
    [
      { name: 'from-literal', type: 'stringArray', default: [] },
      { name: 'from-file', type: 'stringSlice', default: [] },
    ],
    async (objectName, flags, ctx) => configMapObject(objectName, await dataSources(ctx, flagArray(flags, 'from-literal'), flagArray(flags, 'from-file'))),
  ),
  generator(
    'deployment',
    ['deploy'],
    'Create a deployment with the specified name',
    type('apps', 'deployments'),
    [
      { name: 'image', type: 'stringSlice', default: [] },
      { name: 'replicas', short: 'r', type: 'int', default: 1 },
      { name: 'port', type: 'int', default: -1 },
    ],
    async (objectName, flags) => deploymentObject(objectName, flagArray(flags, 'image'), flagNumber(flags, 'replicas') ?? 1, flagNumber(flags, 'port') ?? -1, afterDash(flags)),
    ['image'],
  ),
  generator('job', [], 'Create a job with the specified name', type('batch', 'jobs'), [{ name: 'image', type: 'string', default: '' }, { name: 'from', type: 'string', default: '' }], async (objectName, flags) => jobObject(objectName, flagString(flags, 'image'), afterDash(flags))),
  generator('namespace', ['ns'], 'Create a namespace with the specified name', type('', 'namespaces'), [], async (objectName) => namespaceObject(objectName), [], 'create namespace', ''),
  secretGroup,
  serviceGroup,
  generator('serviceaccount', ['sa'], 'Create a service account with the specified name', type('', 'serviceaccounts'), [], async (objectName) => serviceAccountObject(objectName)),
];
