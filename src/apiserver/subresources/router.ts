// Routes a subresource request (`/pods/web/status`, `/deployments/web/scale`…) to its handler:
// status and scale for the kinds that have them, and the pod and namespace subresources.

import { decodeObject } from '../body';
import { errors } from '../errors';
import { patchWithRetry } from '../patch/patch-update';
import { parseWriteOptions } from '../registry/options';
import type { ApiRequest, ApiResponse, StreamSink } from '../request';
import { present, respond, type HandlerContext } from '../resource-handler';
import { podAttach } from './attach';
import { podExec } from './exec';
import { finalizeNamespace } from './namespaces';
import { bindPod, evictPod, podLogs } from './pods';
import { scaleSubresource } from './scale';

async function status(ctx: HandlerContext, req: ApiRequest, namespace: string | undefined, name: string): Promise<ApiResponse> {
  const { registry } = ctx;
  switch (req.method) {
    case 'GET':
      return respond(200, present(ctx, req, registry.get(namespace, name)));
    case 'PUT': {
      const options = parseWriteOptions(req.query);
      const { object, warnings } = await decodeObject(req, registry.type, options.fieldValidation);
      return respond(200, (await registry.update(namespace, name, object, options, 'status')).object, warnings);
    }
    case 'PATCH': {
      const { object, warnings } = await patchWithRetry(ctx, req, namespace, name, 'status');
      return respond(200, object, warnings);
    }
    default:
      throw errors.methodNotAllowed();
  }
}

export async function handleSubresource(ctx: HandlerContext, req: ApiRequest, namespace: string | undefined, name: string, sub: string, sink: StreamSink | undefined): Promise<ApiResponse> {
  const { registry } = ctx;
  if (!registry.type.subresources.includes(sub)) throw errors.notFoundPath();
  const ns = namespace ?? 'default';
  switch (sub) {
    case 'status':
      return status(ctx, req, namespace, name);
    case 'scale':
      return scaleSubresource(ctx, req, ns, name);
    case 'binding': {
      if (req.method !== 'POST') throw errors.methodNotAllowed();
      const options = parseWriteOptions(req.query);
      const { object, warnings } = await decodeObject(req, { group: '', version: 'v1', kind: 'Binding' }, options.fieldValidation, false);
      return respond(201, await bindPod(ctx.server, ns, name, object, options), warnings);
    }
    case 'eviction': {
      if (req.method !== 'POST') throw errors.methodNotAllowed();
      const options = parseWriteOptions(req.query);
      const { object, warnings } = await decodeObject(req, { group: 'policy', version: 'v1', kind: 'Eviction' }, options.fieldValidation, false);
      return respond(201, await evictPod(ctx.server, ns, name, object), warnings);
    }
    case 'log':
      if (req.method !== 'GET') throw errors.methodNotAllowed();
      return podLogs(ctx, req, ns, name, sink);
    case 'exec':
      return podExec(ctx, req, ns, name, sink);
    case 'attach':
      return podAttach(ctx, req, ns, name, sink);
    case 'finalize': {
      if (req.method !== 'PUT') throw errors.methodNotAllowed();
      const { object, warnings } = await decodeObject(req, registry.type, parseWriteOptions(req.query).fieldValidation);
      return respond(200, await finalizeNamespace(registry, name, object), warnings);
    }
    default:
      throw errors.notFoundPath();
  }
}
