// The scale subresource of deployments and replica sets: an autoscaling/v1 Scale read from the
// workload (spec.replicas, status.replicas and the selector as a string), and written back by
// PUT or PATCH of a Scale, which updates only spec.replicas (with the Scale's resourceVersion as
// a precondition). Upstream: pkg/registry/apps/deployment/storage/storage.go (ScaleREST).

import type { LabelSelector } from '../../api/core';
import { fieldError } from '../../api/field-errors';
import { formatSelector, fromLabelSelector } from '../../api/labels';
import type { KubeObject } from '../../api/meta';
import { decodeObject, type DecodedObject } from '../body';
import { errors } from '../errors';
import { applyPatch, parsePatch } from '../patch/apply-patch';
import { parseWriteOptions } from '../registry/options';
import type { ApiRequest, ApiResponse } from '../request';
import { respond, type HandlerContext } from '../resource-handler';

const SCALE = { group: 'autoscaling', version: 'v1', kind: 'Scale' };

interface Workload extends KubeObject {
  spec?: { replicas?: number; selector?: LabelSelector };
  status?: { replicas?: number };
}

export function scaleOf(workload: Workload): KubeObject {
  const meta = workload.metadata;
  const selector = fromLabelSelector(workload.spec?.selector);
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: meta.name, namespace: meta.namespace, uid: meta.uid, resourceVersion: meta.resourceVersion, creationTimestamp: meta.creationTimestamp },
    spec: workload.spec?.replicas ? { replicas: workload.spec.replicas } : {},
    status: { replicas: workload.status?.replicas ?? 0, selector: selector.length > 0 ? formatSelector(selector) : '' },
  };
}

async function write(ctx: HandlerContext, req: ApiRequest, namespace: string, name: string, decoded: DecodedObject): Promise<ApiResponse> {
  const { registry } = ctx;
  const scale = decoded.object as KubeObject & { spec?: { replicas?: number } };
  const replicas = scale.spec?.replicas ?? 0;
  if (scale.metadata.name && scale.metadata.name !== name) throw errors.badRequest(`the name of the object (${scale.metadata.name}) does not match the name on the URL (${name})`);
  if (replicas < 0) throw errors.invalid('Scale', 'autoscaling', name, [fieldError.invalid('spec.replicas', replicas, 'must be greater than or equal to 0')]);
  const current = registry.get(namespace, name) as Workload;
  const requested = scale.metadata.resourceVersion;
  if (requested && requested !== current.metadata.resourceVersion) throw errors.modified(registry.type, name);
  const updated = structuredClone(current) as Workload;
  updated.spec = { ...updated.spec, replicas };
  const result = await registry.update(namespace, name, updated, parseWriteOptions(req.query));
  return respond(200, scaleOf(result.object as Workload), decoded.warnings);
}

export async function scaleSubresource(ctx: HandlerContext, req: ApiRequest, namespace: string, name: string): Promise<ApiResponse> {
  const validation = parseWriteOptions(req.query).fieldValidation;
  switch (req.method) {
    case 'GET':
      return respond(200, scaleOf(ctx.registry.get(namespace, name) as Workload));
    case 'PUT':
      return write(ctx, req, namespace, name, await decodeObject(req, SCALE, validation));
    case 'PATCH': {
      const parsed = await parsePatch(req);
      const current = scaleOf(ctx.registry.get(namespace, name) as Workload);
      return write(ctx, req, namespace, name, applyPatch(parsed, current, SCALE, validation));
    }
    default:
      throw errors.methodNotAllowed();
  }
}
