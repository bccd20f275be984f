// The warnings the API server sends back (as Warning headers, which kubectl prints as
// `Warning: …`) for a pod spec that is valid but probably not what its author meant: deprecated
// node labels in selectors, affinity and spread constraints, deprecated annotations, memory
// and ephemeral storage in fractions of a byte (`memory: 100m`), an env var defined twice,
// container ports declared twice, duplicate host alias IPs and a negative grace period; and a
// pod's or workload's name that is not a DNS label, as it becomes a hostname. Upstream:
// pkg/api/pod/warnings.go (warningsForPodSpecAndMeta), pkg/api/node/util.go, and the
// WarningsOnCreate of pkg/registry/{core/pod,apps/deployment,apps/replicaset,batch/job}.

import type { ObjectMeta } from '../../api/meta';
import type { Container, ContainerPort } from '../../api/core-container';
import type { NodeSelectorTerm, PodSpec } from '../../api/core-pod';
import { parseQuantity } from '../../api/quantity';
import { checkDns1123Label } from '../../api/validation/names';

const DEPRECATED_NODE_LABELS: Record<string, string> = {
  'beta.kubernetes.io/arch': 'deprecated since v1.14; use "kubernetes.io/arch" instead',
  'beta.kubernetes.io/os': 'deprecated since v1.14; use "kubernetes.io/os" instead',
  'failure-domain.beta.kubernetes.io/region': 'deprecated since v1.17; use "topology.kubernetes.io/region" instead',
  'failure-domain.beta.kubernetes.io/zone': 'deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
  'beta.kubernetes.io/instance-type': 'deprecated since v1.17; use "node.kubernetes.io/instance-type" instead',
};

const DEPRECATED_ANNOTATIONS: Record<string, string> = {
  'scheduler.alpha.kubernetes.io/critical-pod': 'non-functional in v1.16+; use the "priorityClassName" field instead',
  'security.alpha.kubernetes.io/sysctls': 'non-functional in v1.11+; use the "sysctls" field instead',
  'security.alpha.kubernetes.io/unsafe-sysctls': 'non-functional in v1.11+; use the "sysctls" field instead',
};

const deprecation = (key: string): string | undefined => (Object.hasOwn(DEPRECATED_NODE_LABELS, key) ? DEPRECATED_NODE_LABELS[key] : undefined);

/** `prefix.child`, or `child` at the root (a pod's own spec has no prefix; a template's is `spec.template`). */
function at(prefix: string, child: string): string {
  return prefix ? `${prefix}.${child}` : child;
}

function nodeSelectorTermWarnings(term: NodeSelectorTerm, path: string): string[] {
  return (term.matchExpressions ?? []).flatMap((expression, i) => {
    const message = deprecation(expression.key);
    return message ? [`${path}.matchExpressions[${i}].key: ${expression.key} is ${message}`] : [];
  });
}

function schedulingWarnings(spec: PodSpec, prefix: string): string[] {
  const warnings: string[] = [];
  for (const key of Object.keys(spec.nodeSelector ?? {})) {
    const message = deprecation(key);
    if (message) warnings.push(`${at(prefix, 'spec.nodeSelector')}[${key}]: ${message}`);
  }
  const nodeAffinity = spec.affinity?.nodeAffinity;
  const required = nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  required.forEach((term, i) => warnings.push(...nodeSelectorTermWarnings(term, `${at(prefix, 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms')}[${i}]`)));
  (nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((term, i) =>
    warnings.push(...nodeSelectorTermWarnings(term.preference, `${at(prefix, 'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution')}[${i}].preference`)),
  );
  (spec.topologySpreadConstraints ?? []).forEach((constraint, i) => {
    const message = deprecation(constraint.topologyKey);
    if (message) warnings.push(`${at(prefix, 'spec.topologySpreadConstraints')}[${i}].topologyKey: ${constraint.topologyKey} is ${message}`);
  });
  return warnings;
}

/** Whether a quantity holds a fraction of its unit (MilliValue not a multiple of 1000). */
function fractional(quantity: string): boolean {
  return Math.ceil(parseQuantity(quantity) * 1000 - 1e-9) % 1000 !== 0;
}

function byteWarnings(container: Container, path: string): string[] {
  const warnings: string[] = [];
  for (const resource of ['memory', 'ephemeral-storage']) {
    for (const kind of ['limits', 'requests'] as const) {
      const value = container.resources?.[kind]?.[resource];
      if (value !== undefined && fractional(value)) warnings.push(`${path}.resources.${kind}[${resource}]: fractional byte value ${JSON.stringify(value)} is invalid, must be an integer`);
    }
  }
  return warnings;
}

/** A second definition of an env var that does not build on the first (`X=$(X)-more` does). */
function envWarnings(container: Container, path: string): string[] {
  const seen = new Set<string>();
  const warnings: string[] = [];
  (container.env ?? []).forEach((item, i) => {
    if (!seen.has(item.name)) {
      seen.add(item.name);
      return;
    }
    const reference = `$(${item.name})`;
    const value = item.value ?? '';
    if (item.valueFrom || value === reference || !value.includes(reference)) {
      warnings.push(`${path}.env[${i}]: hides previous definition of ${JSON.stringify(item.name)}, which may be dropped when using apply`);
    }
  });
  return warnings;
}

function portWarnings(containers: { container: Container; path: string }[]): string[] {
  const warnings: string[] = [];
  const declared = new Map<string, { port: ContainerPort; path: string }[]>();
  for (const { container, path } of containers) {
    (container.ports ?? []).forEach((port, i) => {
      const portPath = `${path}.ports[${i}]`;
      const key = `${port.containerPort}/${port.protocol ?? 'TCP'}`;
      const others = declared.get(key) ?? [];
      for (const other of others) {
        const hostIP = port.hostIP ?? '';
        const otherHostIP = other.port.hostIP ?? '';
        const hostPort = port.hostPort ?? 0;
        const otherHostPort = other.port.hostPort ?? 0;
        if (hostIP === otherHostIP && hostPort === otherHostPort) warnings.push(`${portPath}: duplicate port definition with ${other.path}`);
        else if (hostPort === 0 || otherHostPort === 0) warnings.push(`${portPath}: overlapping port definition with ${other.path}`);
        else if (hostPort === otherHostPort && (hostIP === '') !== (otherHostIP === '')) warnings.push(`${portPath}: dangerously ambiguous port definition with ${other.path}`);
      }
      declared.set(key, [...others, { port, path: portPath }]);
    });
  }
  return warnings;
}

/** Every container with its path, init containers first, as VisitContainersWithPath walks them. */
function containersOf(spec: PodSpec, prefix: string): { container: Container; path: string }[] {
  return [
    ...(spec.initContainers ?? []).map((container, i) => ({ container, path: `${at(prefix, 'spec.initContainers')}[${i}]` })),
    ...spec.containers.map((container, i) => ({ container, path: `${at(prefix, 'spec.containers')}[${i}]` })),
  ];
}

/** The warnings for a pod's spec and metadata, or a template's with `prefix` (`spec.template`). */
export function podSpecWarnings(spec: PodSpec, meta: ObjectMeta, prefix = ''): string[] {
  const warnings = schedulingWarnings(spec, prefix);
  for (const key of Object.keys(DEPRECATED_ANNOTATIONS)) {
    if (meta.annotations && Object.hasOwn(meta.annotations, key)) warnings.push(`${at(prefix, 'metadata.annotations')}[${key}]: ${DEPRECATED_ANNOTATIONS[key]}`);
  }
  const ips = new Set<string>();
  (spec.hostAliases ?? []).forEach((alias, i) => {
    if (ips.has(alias.ip)) warnings.push(`${at(prefix, 'spec.hostAliases')}[${i}].ip: duplicate ip ${JSON.stringify(alias.ip)}`);
    ips.add(alias.ip);
  });
  const containers = containersOf(spec, prefix);
  for (const { container, path } of containers) warnings.push(...byteWarnings(container, path), ...envWarnings(container, path));
  warnings.push(...portWarnings(containers));
  if ((spec.terminationGracePeriodSeconds ?? 0) < 0) {
    warnings.push(`${at(prefix, 'spec.terminationGracePeriodSeconds')}: must be >= 0; negative values are invalid and will be treated as 1`);
  }
  return warnings;
}

/** The warning for a name that is not a DNS label, where `usage` says what the name becomes. */
function nameWarnings(name: string | undefined, usage: string): string[] {
  const problems = checkDns1123Label(name ?? '');
  return problems.length === 0 ? [] : [`metadata.name: this is used in ${usage}, which can result in surprising behavior; a DNS label is recommended: [${problems.join(' ')}]`];
}

/** A pod's warnings on create: its name, then its spec and metadata. */
export function podWarnings(spec: PodSpec, meta: ObjectMeta): string[] {
  return [...nameWarnings(meta.name, "the Pod's hostname"), ...podSpecWarnings(spec, meta)];
}

interface WithPodTemplate {
  metadata: ObjectMeta;
  spec: { template?: { metadata?: ObjectMeta; spec: PodSpec } };
}

function templateWarnings(workload: WithPodTemplate): string[] {
  const template = workload.spec.template;
  return template ? podSpecWarnings(template.spec, template.metadata ?? {}, 'spec.template') : [];
}

/** A workload's warnings on create (Deployments, ReplicaSets, Jobs): its name, then its pod template. */
export function podTemplateWarnings(workload: WithPodTemplate): string[] {
  return [...nameWarnings(workload.metadata.name, 'Pod names and hostnames'), ...templateWarnings(workload)];
}

/** The pod template's warnings on an update, only when it changes the workload's generation, as upstream warns. */
export function podTemplateUpdateWarnings(workload: WithPodTemplate, old: WithPodTemplate): string[] {
  return workload.metadata.generation === old.metadata.generation ? [] : templateWarnings(workload);
}
