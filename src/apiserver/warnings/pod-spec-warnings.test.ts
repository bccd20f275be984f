import { describe, expect, it } from 'vitest';
import type { PodSpec } from '../../api/core-pod';
import { podSpecWarnings, podTemplateUpdateWarnings, podTemplateWarnings, podWarnings } from './pod-spec-warnings';

const spec = (overrides: Partial<PodSpec>): PodSpec => ({ containers: [{ name: 'app', image: 'nginx' }], ...overrides });

describe('podSpecWarnings', () => {
  it('has nothing to say about a plain pod', () => {
    expect(podSpecWarnings(spec({}), {})).toEqual([]);
  });

  it('names memory and ephemeral storage in fractions of a byte, and only those', () => {
    const warnings = podSpecWarnings(
      spec({ containers: [{ name: 'app', resources: { limits: { memory: '512Mi', 'ephemeral-storage': '1500m' }, requests: { memory: '100m', cpu: '100m' } } }] }),
      {},
    );
    expect(warnings).toEqual([
      'spec.containers[0].resources.requests[memory]: fractional byte value "100m" is invalid, must be an integer',
      'spec.containers[0].resources.limits[ephemeral-storage]: fractional byte value "1500m" is invalid, must be an integer',
    ]);
  });

  it('warns of an env var defined again unless the new value builds on the old one', () => {
    const env = [
      { name: 'A', value: '1' },
      { name: 'A', value: '$(A)-more' },
      { name: 'A', value: '2' },
      { name: 'A', value: '$(A)' },
    ];
    expect(podSpecWarnings(spec({ initContainers: [{ name: 'init', env }] }), {})).toEqual([
      'spec.initContainers[0].env[2]: hides previous definition of "A", which may be dropped when using apply',
      'spec.initContainers[0].env[3]: hides previous definition of "A", which may be dropped when using apply',
    ]);
  });

  it('tells duplicate, overlapping and ambiguous container ports apart, across containers', () => {
    const warnings = podSpecWarnings(
      spec({
        containers: [
          { name: 'a', ports: [{ containerPort: 80 }, { containerPort: 80, protocol: 'UDP' }] },
          { name: 'b', ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443, hostPort: 8443 }, { containerPort: 443, hostPort: 8443, hostIP: '10.0.0.1' }] },
        ],
      }),
      {},
    );
    expect(warnings).toEqual([
      'spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]',
      'spec.containers[1].ports[2]: dangerously ambiguous port definition with spec.containers[1].ports[1]',
    ]);
    expect(podSpecWarnings(spec({ containers: [{ name: 'a', ports: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 80 }] }] }), {})).toEqual([
      'spec.containers[0].ports[1]: overlapping port definition with spec.containers[0].ports[0]',
    ]);
  });

  it('names deprecated node labels, annotations, repeated host alias IPs and a negative grace period', () => {
    const warnings = podSpecWarnings(
      spec({
        nodeSelector: { 'beta.kubernetes.io/arch': 'amd64', 'kubernetes.io/os': 'linux' },
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'failure-domain.beta.kubernetes.io/zone', operator: 'Exists' }] }] } } },
        topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'failure-domain.beta.kubernetes.io/region', whenUnsatisfiable: 'DoNotSchedule' }],
        hostAliases: [{ ip: '10.0.0.1' }, { ip: '10.0.0.1' }],
        terminationGracePeriodSeconds: -5,
      }),
      { annotations: { 'scheduler.alpha.kubernetes.io/critical-pod': '' } },
    );
    expect(warnings).toEqual([
      'spec.nodeSelector[beta.kubernetes.io/arch]: deprecated since v1.14; use "kubernetes.io/arch" instead',
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key: failure-domain.beta.kubernetes.io/zone is deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
      'spec.topologySpreadConstraints[0].topologyKey: failure-domain.beta.kubernetes.io/region is deprecated since v1.17; use "topology.kubernetes.io/region" instead',
      'metadata.annotations[scheduler.alpha.kubernetes.io/critical-pod]: non-functional in v1.16+; use the "priorityClassName" field instead',
      'spec.hostAliases[1].ip: duplicate ip "10.0.0.1"',
      'spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1',
    ]);
  });

  it('puts a workload template under spec.template, and on update only when the generation moves', () => {
    const template = { metadata: {}, spec: spec({ nodeSelector: { 'beta.kubernetes.io/os': 'linux' } }) };
    const workload = { metadata: { name: 'web', generation: 2 }, spec: { template } };
    const expected = ['spec.template.spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead'];
    expect(podTemplateWarnings(workload)).toEqual(expected);
    expect(podTemplateUpdateWarnings(workload, { ...workload, metadata: { name: 'web', generation: 1 } })).toEqual(expected);
    expect(podTemplateUpdateWarnings(workload, workload)).toEqual([]);
  });

  it('warns of a name that is not a DNS label, since it becomes a hostname, before anything else', () => {
    const dotted = { name: 'web.v1', annotations: { 'scheduler.alpha.kubernetes.io/critical-pod': '' } };
    expect(podWarnings(spec({}), dotted)).toEqual([
      "metadata.name: this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]",
      'metadata.annotations[scheduler.alpha.kubernetes.io/critical-pod]: non-functional in v1.16+; use the "priorityClassName" field instead',
    ]);
    expect(podWarnings(spec({}), { name: 'web-v1' })).toEqual([]);
    const long = `${'a'.repeat(60)}.bcd`;
    const workload = { metadata: { name: long, generation: 1 }, spec: { template: { spec: spec({}) } } };
    expect(podTemplateWarnings(workload)).toEqual([
      'metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must be no more than 63 characters must not contain dots]',
    ]);
    expect(podTemplateUpdateWarnings(workload, { ...workload, metadata: { name: long, generation: 0 } })).toEqual([]);
  });
});
