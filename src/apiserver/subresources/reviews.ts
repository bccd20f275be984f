// The self-review kinds that `kubectl auth can-i` and `kubectl auth whoami` create: kubetab has
// one all-powerful user (kind's kubernetes-admin), so every access review is allowed, the rules
// review grants everything, and whoami names that user. Nothing is stored. Upstream:
// pkg/registry/authorization/selfsubjectaccessreview, .../selfsubjectrulesreview and
// pkg/registry/authentication/selfsubjectreview.

import { decodeObject } from '../body';
import { errors } from '../errors';
import { parseWriteOptions } from '../registry/options';
import type { ApiRequest, ApiResponse } from '../request';
import { respond, type HandlerContext } from '../resource-handler';

const ADMIN = { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

const STATUS: Record<string, unknown> = {
  SelfSubjectAccessReview: { allowed: true },
  SelfSubjectRulesReview: {
    resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
    nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
    incomplete: false,
  },
  SelfSubjectReview: { userInfo: ADMIN },
};

export async function reviewResource(ctx: HandlerContext, req: ApiRequest, name: string | undefined): Promise<ApiResponse> {
  if (req.method !== 'POST' || name !== undefined) throw errors.methodNotAllowed();
  const type = ctx.registry.type;
  const { object, warnings } = await decodeObject(req, type, parseWriteOptions(req.query).fieldValidation);
  const answered = ctx.registry.normalize({ ...object, metadata: { ...object.metadata, creationTimestamp: undefined }, status: STATUS[type.kind] });
  return respond(201, answered, warnings);
}
