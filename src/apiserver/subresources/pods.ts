// Pod subresources: binding (the scheduler's write), eviction (drain's), and log, which the API
// server proxies to the kubelet of the pod's node. Upstream: pkg/registry/core/pod/storage and
// pkg/registry/core/pod/rest/log.go.

import type { Pod, PodCondition } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import { isPlainObject } from '../../api/objects';
import type { ApiServer } from '../api-server';
import { errors, successStatus } from '../errors';
import type { LogOptions } from '../kubelet-connector';
import { parseDeleteOptions, type WriteOptions } from '../registry/options';
import { queryValue, type ApiRequest, type ApiResponse, type StreamSink } from '../request';
import type { HandlerContext } from '../resource-handler';

const PODS = { group: '', resource: 'pods' };

function podRegistry(server: ApiServer) {
  return server.registry('', 'pods')!;
}

/** Assigns a pod to a node, once, and marks it PodScheduled. */
export async function bindPod(server: ApiServer, namespace: string, name: string, binding: KubeObject, options: WriteOptions) {
  const target = binding.target as { name?: string; kind?: string } | undefined;
  if (!target?.name) throw errors.invalid('Binding', '', name, [{ type: 'FieldValueRequired', field: 'target.name' }]);
  if (binding.metadata.name && binding.metadata.name !== name) throw errors.badRequest('the name of the binding does not match the name on the URL');
  const registry = podRegistry(server);
  const pod = registry.get(namespace, name) as Pod;
  if (pod.metadata.deletionTimestamp) throw errors.conflict(PODS, name, `pod ${name} is being deleted, cannot be assigned to a host`);
  if (pod.spec.nodeName) throw errors.conflict(PODS, name, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`);
  if (!options.dryRun) {
    const now = server.context().timestamp;
    await registry.rewrite(namespace, name, (object) => {
      const p = object as Pod;
      if (p.spec.nodeName) throw errors.conflict(PODS, name, `pod ${name} is already assigned to node "${p.spec.nodeName}"`);
      const conditions: PodCondition[] = (p.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
      conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now });
      const bound: Pod = { ...p, spec: { ...p.spec, nodeName: target.name }, status: { ...p.status, conditions } };
      return bound;
    });
  }
  return { ...successStatus(), code: 201 };
}

/**
 * Evicts a pod as policy/v1 Eviction does when no disruption budget stands in the way: marks it
 * with the DisruptionTarget condition, then deletes it with the eviction's delete options.
 */
export async function evictPod(server: ApiServer, namespace: string, name: string, eviction: KubeObject) {
  if (eviction.metadata.name && eviction.metadata.name !== name) throw errors.badRequest('name in URL does not match name in Eviction object');
  const registry = podRegistry(server);
  const pod = registry.get(namespace, name) as Pod;
  const deleteOptions = parseDeleteOptions(undefined, isPlainObject(eviction.deleteOptions) ? eviction.deleteOptions : undefined);
  const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  if (!terminal && !pod.metadata.deletionTimestamp && !deleteOptions.dryRun) {
    const now = server.context().timestamp;
    await registry.mutate(namespace, name, (object) => {
      const status = ((object as Pod).status ??= {});
      const conditions = (status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
      conditions.push({ type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: now, reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' });
      status.conditions = conditions;
    });
  }
  await registry.delete(namespace, name, deleteOptions);
  return { ...successStatus(), code: 201 };
}

function integerParam(req: ApiRequest, name: string): number | undefined {
  const text = queryValue(req.query, name);
  if (text === undefined || text === '') return undefined;
  if (!/^-?\d+$/.test(text)) throw errors.badRequest(`invalid ${name}: ${text}`);
  return Number(text);
}

function booleanParam(req: ApiRequest, name: string): boolean {
  const text = queryValue(req.query, name);
  return text === 'true' || text === '1';
}

/** GET pods/{name}/log: the container's log from its node, whole or followed. */
export async function podLogs(ctx: HandlerContext, req: ApiRequest, namespace: string, name: string, sink: StreamSink | undefined): Promise<ApiResponse> {
  const pod = podRegistry(ctx.server).get(namespace, name) as Pod;
  const containers = pod.spec.containers.map((c) => c.name);
  const initContainers = (pod.spec.initContainers ?? []).map((c) => c.name);
  let container = queryValue(req.query, 'container');
  if (!container) {
    if (containers.length === 1) container = containers[0];
    else {
      const init = initContainers.length > 0 ? ` or one of the init containers: [${initContainers.join(' ')}]` : '';
      throw errors.badRequest(`a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]${init}`);
    }
  }
  if (!containers.includes(container) && !initContainers.includes(container)) {
    throw errors.badRequest(`container ${container} is not valid for pod ${name}`);
  }
  const tailLines = integerParam(req, 'tailLines');
  if (tailLines !== undefined && tailLines < 0) throw errors.badRequest('tailLines: Invalid value: must be greater than or equal to 0');
  const options: LogOptions = {
    namespace,
    pod: name,
    podUid: pod.metadata.uid ?? '',
    container,
    follow: booleanParam(req, 'follow'),
    previous: booleanParam(req, 'previous'),
    timestamps: booleanParam(req, 'timestamps'),
    tailLines,
    sinceSeconds: integerParam(req, 'sinceSeconds'),
    sinceTime: queryValue(req.query, 'sinceTime'),
    limitBytes: integerParam(req, 'limitBytes'),
  };
  const textHeaders = { 'content-type': 'text/plain' };
  const nodeName = pod.spec.nodeName;
  if (!nodeName) {
    throw errors.badRequest(`container "${container}" in pod "${name}" is waiting to start: ContainerCreating`);
  }
  const endpoint = ctx.kubelets.endpoint(nodeName);
  if (!endpoint) {
    throw errors.internal(`Get "https://${nodeName}:10250/containerLogs/${namespace}/${name}/${container}": dial tcp: connect: no route to host`);
  }
  if (options.follow && sink) {
    let streamId = 0;
    const id = ctx.openStream({ cancel: () => void endpoint.cancel(streamId) });
    const started = await endpoint.containerLogs(options, {
      data: (chunk) => sink.data(chunk),
      end: () => {
        ctx.closeStream(id);
        sink.end();
      },
    });
    streamId = started.streamId;
    return { status: 200, headers: textHeaders, streamId: id };
  }
  const chunks: string[] = [];
  await new Promise<void>((resolve, reject) => {
    endpoint.containerLogs({ ...options, follow: false }, { data: (chunk) => chunks.push(String(chunk)), end: resolve }).catch(reject);
  });
  return { status: 200, headers: textHeaders, body: chunks.join('') };
}
