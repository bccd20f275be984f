// kubectl expose: a Service for a deployment, replica set, pod or service, selecting the same
// pods, on --port (or the container's first port) to --target-port.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go.

import type { KubeObject } from '../../api/meta';
import { findResource, resourcePath } from '../../api/scheme';
import { namespaceOf, type Command } from '../command';
import { KubectlError } from '../errors';
import { flagString } from '../flags';
import { changeFormatOf } from '../printers/change-output';
import { printObjects } from '../printers/output';
import { findTargets } from '../targets';
import { podSpecOf } from './set/pod-spec';

const SERVICES = findResource('', 'v1', 'services')!;

function selectorOf(object: KubeObject): Record<string, string> | undefined {
  if (object.kind === 'Pod') return object.metadata.labels;
  const selector = (object.spec as { selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | Record<string, string> } | undefined)?.selector;
  if (!selector) return undefined;
  if (object.kind === 'Service') return selector as Record<string, string>;
  const structured = selector as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
  if (structured.matchExpressions?.length) throw new KubectlError(`error: couldn't convert expressions - "${JSON.stringify(structured.matchExpressions)}" to map-based selector format`);
  return structured.matchLabels;
}

function portsOf(object: KubeObject): number[] {
  if (object.kind === 'Service') return ((object.spec as { ports?: { port: number }[] }).ports ?? []).map((p) => p.port);
  return (podSpecOf(object)?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => p.containerPort));
}

export const exposeCommand: Command = {
  name: 'expose',
  summary: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  usage: 'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]',
  flags: [
    { name: 'port', type: 'string', default: '' },
    { name: 'target-port', type: 'string', default: '' },
    { name: 'protocol', type: 'string', default: '' },
    { name: 'name', type: 'string', default: '' },
    { name: 'type', type: 'string', default: '' },
    { name: 'selector', type: 'string', default: '' },
    { name: 'labels', short: 'l', type: 'string', default: '' },
    { name: 'cluster-ip', type: 'string', default: '' },
    { name: 'external-ip', type: 'string', default: '' },
    { name: 'filename', short: 'f', type: 'stringSlice', default: [] },
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'dry-run', type: 'string', default: 'none' },
    { name: 'session-affinity', type: 'string', default: '' },
    { name: 'field-manager', type: 'string', default: 'kubectl-expose' },
  ],
  async run(flags, ctx) {
    const format = changeFormatOf(flags);
    const errors: unknown[] = [];
    const targets = await findTargets(ctx, flags, flags.args, errors, { labelSelector: false });
    if (errors.length > 0) throw errors[0];
    for (const target of targets) {
      const object = target.object;
      if (!['Pod', 'Service', 'Deployment', 'ReplicaSet'].includes(object.kind)) throw new KubectlError(`error: cannot expose a ${object.kind}.${target.type.group || ''}`.replace(/\.$/, ''));
      const selectorText = flagString(flags, 'selector');
      const selector = selectorText ? Object.fromEntries(selectorText.split(',').map((kv) => kv.split('=') as [string, string])) : selectorOf(object);
      if (!selector || Object.keys(selector).length === 0) throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: the ${object.kind.toLowerCase()} has no selector`);
      const portText = flagString(flags, 'port');
      const ports = portText ? portText.split(',').map(Number) : portsOf(object);
      if (ports.length === 0) throw new KubectlError("error: couldn't find port via --port flag or introspection");
      const targetText = flagString(flags, 'target-port');
      const protocol = flagString(flags, 'protocol') || 'TCP';
      const servicePorts = ports.map((port, index) => {
        const entry: Record<string, unknown> = {};
        if (ports.length > 1) entry.name = `port-${index + 1}`;
        entry.port = port;
        entry.protocol = protocol;
        entry.targetPort = targetText ? (/^\d+$/.test(targetText) ? Number(targetText) : targetText) : port;
        return entry;
      });
      const name = flagString(flags, 'name') || target.name;
      const spec: Record<string, unknown> = { ports: servicePorts, selector };
      if (flagString(flags, 'type')) spec.type = flagString(flags, 'type');
      if (flagString(flags, 'cluster-ip')) spec.clusterIP = flagString(flags, 'cluster-ip');
      const labels = object.metadata.labels;
      const service: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { ...(labels ? { labels } : {}), name }, spec };
      const namespace = target.namespace ?? namespaceOf(flags, ctx);
      const dryRun = flagString(flags, 'dry-run');
      let result: KubeObject = { ...service, metadata: { ...service.metadata, creationTimestamp: null as unknown as string }, status: { loadBalancer: {} } };
      if (dryRun !== 'client') {
        result = await ctx.client.send<KubeObject>({ method: 'POST', path: resourcePath(SERVICES, namespace), query: { fieldManager: flagString(flags, 'field-manager'), ...(dryRun === 'server' ? { dryRun: 'All' } : {}) }, body: service, headers: { 'content-type': 'application/json' } });
      }
      if (format) ctx.stdout(await printObjects(format, [result], { single: true, typed: true }));
      else ctx.stdout(`service/${name} exposed${dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''}\n`);
    }
    return 0;
  },
};
