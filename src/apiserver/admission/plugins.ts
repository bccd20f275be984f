// The admission plugins kubetab enables, in upstream's order: NamespaceLifecycle, ServiceAccount,
// TaintNodesByCondition, Priority and DefaultTolerationSeconds. Upstream: plugin/pkg/admission/* and
// staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle.

import type { Namespace, Node, Pod, ServiceAccount, Toleration, Volume } from '../../api/core';
import { isMirrorPod } from '../../api/mirror-pods';
import { normalizedPart } from '../../api/schema/decode';
import { randomSuffix } from '../../api/names';
import { errors } from '../errors';
import type { AdmissionAttributes, AdmissionPlugin } from '../registry/admission';

const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

/** Refuses new content in missing or terminating namespaces, and deleting the system ones. */
export const namespaceLifecycle: AdmissionPlugin = {
  name: 'NamespaceLifecycle',
  validate(a: AdmissionAttributes) {
    if (a.type.resource === 'namespaces' && a.operation === 'DELETE' && a.name && IMMORTAL_NAMESPACES.has(a.name)) {
      throw errors.forbidden(a.type, a.name, 'this namespace may not be deleted');
    }
    if (!a.type.namespaced || a.operation !== 'CREATE' || !a.namespace) return;
    const ns = a.context.lookup.get('namespaces', '', undefined, a.namespace) as Namespace | undefined;
    if (!ns) throw errors.notFound({ group: '', resource: 'namespaces' }, a.namespace);
    if (ns.status?.phase === 'Terminating' && a.type.resource !== 'events') {
      throw errors.forbidden(a.type, a.name ?? '', `unable to create new content in namespace ${a.namespace} because it is being terminated`);
    }
  },
};

const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

type Projection = NonNullable<Volume['projected']>;
let serviceAccountProjection: Projection | undefined;

/** The token, CA bundle and namespace every service-account volume projects: one shared, frozen copy. */
function serviceAccountProjectionPart(): Projection {
  serviceAccountProjection ??= normalizedPart<Projection>(
    {
      defaultMode: 0o644,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
    'io.k8s.api.core.v1.ProjectedVolumeSource',
  );
  return serviceAccountProjection;
}

/** Gives pods a service account and the projected volume with its token; a kubelet's mirror pods are left as their manifests say. */
export const serviceAccountAdmission: AdmissionPlugin = {
  name: 'ServiceAccount',
  admit(a) {
    if (a.type.resource !== 'pods' || a.operation !== 'CREATE' || a.subresource || !a.object) return;
    const pod = a.object as Pod;
    if (isMirrorPod(pod)) return;
    const spec = pod.spec;
    spec.serviceAccountName ||= 'default';
    spec.serviceAccount = spec.serviceAccountName;
    const account = a.context.lookup.get('serviceaccounts', '', a.namespace, spec.serviceAccountName) as ServiceAccount | undefined;
    if (!account) {
      throw errors.forbidden(
        a.type,
        pod.metadata.name ?? '',
        `error looking up service account ${a.namespace}/${spec.serviceAccountName}: serviceaccount "${spec.serviceAccountName}" not found`,
      );
    }
    const automount = spec.automountServiceAccountToken ?? account.automountServiceAccountToken ?? true;
    if (!automount) return;
    const containers = [...(spec.initContainers ?? []), ...spec.containers];
    if (containers.some((c) => c.volumeMounts?.some((m) => m.mountPath === TOKEN_MOUNT_PATH))) return;
    const volumeName = `kube-api-access-${randomSuffix(5)}`;
    spec.volumes = [...(spec.volumes ?? []), { name: volumeName, projected: serviceAccountProjectionPart() }];
    for (const container of containers) {
      container.volumeMounts = [...(container.volumeMounts ?? []), { name: volumeName, readOnly: true, mountPath: TOKEN_MOUNT_PATH }];
    }
  },
};

/**
 * New nodes start tainted not-ready:NoSchedule, so nothing is scheduled onto them before they
 * report Ready; the node lifecycle controller removes the taint then.
 */
export const taintNodesByCondition: AdmissionPlugin = {
  name: 'TaintNodesByCondition',
  admit(a) {
    if (a.type.resource !== 'nodes' || a.operation !== 'CREATE' || a.subresource || !a.object) return;
    const spec = ((a.object as Node).spec ??= {});
    const taints = spec.taints ?? [];
    if (taints.some((t) => t.key === 'node.kubernetes.io/not-ready' && t.effect === 'NoSchedule')) return;
    spec.taints = [...taints, { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }];
  },
};

/** The PriorityClasses every cluster has (kubetab serves no PriorityClass API for more). */
const BUILT_IN_PRIORITY_CLASSES: Readonly<Record<string, number>> = { 'system-cluster-critical': 2000000000, 'system-node-critical': 2000001000 };

/**
 * A pod's priority comes from its priority class (refused when there is no such class, or when
 * the pod states another value); pods without one get 0. Both built-in classes preempt lower
 * priorities. Upstream: plugin/pkg/admission/priority/admission.go.
 */
export const priorityAdmission: AdmissionPlugin = {
  name: 'Priority',
  admit(a) {
    if (a.type.resource !== 'pods' || a.operation !== 'CREATE' || a.subresource || !a.object) return;
    const pod = a.object as Pod;
    const spec = pod.spec;
    const className = spec.priorityClassName;
    const priority = !className ? 0 : Object.hasOwn(BUILT_IN_PRIORITY_CLASSES, className) ? BUILT_IN_PRIORITY_CLASSES[className] : undefined;
    if (priority === undefined) throw errors.forbidden(a.type, pod.metadata.name ?? '', `no PriorityClass with name ${className} was found`);
    if (spec.priority !== undefined && spec.priority !== priority) {
      throw errors.forbidden(a.type, pod.metadata.name ?? '', `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
    }
    spec.priority = priority;
    spec.preemptionPolicy ??= 'PreemptLowerPriority';
  },
};

const DEFAULT_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

/** Every pod tolerates a not-ready or unreachable node for 300 seconds unless it says otherwise. */
export const defaultTolerationSeconds: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  admit(a) {
    if (a.type.resource !== 'pods' || a.operation !== 'CREATE' || a.subresource || !a.object) return;
    const spec = (a.object as Pod).spec;
    const tolerations = [...(spec.tolerations ?? [])];
    for (const toleration of DEFAULT_TOLERATIONS) {
      const covered = tolerations.some(
        (t) => (t.key === toleration.key || (t.key === undefined && t.operator === 'Exists')) && (t.effect === undefined || t.effect === 'NoExecute'),
      );
      if (!covered) tolerations.push({ ...toleration });
    }
    spec.tolerations = tolerations;
  },
};

export const ADMISSION_PLUGINS: readonly AdmissionPlugin[] = [namespaceLifecycle, serviceAccountAdmission, taintNodesByCondition, priorityAdmission, defaultTolerationSeconds];
