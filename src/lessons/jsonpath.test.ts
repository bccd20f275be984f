// kubectl JSONPath templates: fields, indexes, wildcards, quoted keys, filters, literal text.

import { describe, expect, it } from 'vitest';
import { JsonPathError, parseJsonPath } from './jsonpath';

const pod = {
  metadata: { name: 'web', labels: { app: 'web', 'app.kubernetes.io/name': 'shop' } },
  spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox' }] },
  status: {
    phase: 'Running',
    conditions: [
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', status: 'False' },
    ],
    containerStatuses: [{ restartCount: 3, ready: true }],
  },
};

const cases: [string, string][] = [
  ['{.status.phase}', 'Running'],
  ['{.spec.containers[0].image}', 'nginx'],
  ['{.spec.containers[-1].name}', 'b'],
  ['{.spec.containers[*].image}', 'nginx busybox'],
  ["{.metadata.labels['app.kubernetes.io/name']}", 'shop'],
  ['{.metadata.labels.app\\.kubernetes\\.io/name}', 'shop'],
  ['{.status.conditions[?(@.type=="Ready")].status}', 'False'],
  ['{.status.conditions[?(@.status!="False")].type}', 'Initialized'],
  ['{.status.containerStatuses[0].restartCount}', '3'],
  ['{.status.containerStatuses[0].ready}', 'true'],
  ['{.metadata.labels}', '{"app":"web","app.kubernetes.io/name":"shop"}'],
  ['{.status.podIP}', ''],
  ['{.spec.containers[5].name}', ''],
  ['name={.metadata.name} phase={.status.phase}', 'name=web phase=Running'],
];

describe('parseJsonPath', () => {
  for (const [template, expected] of cases) {
    it(template, () => expect(parseJsonPath(template).evaluate(pod)).toBe(expected));
  }

  it('rejects what it cannot evaluate', () => {
    for (const bad of ['.status.phase', '{.status.phase', '{.status..phase}', '{.items[?(@.a>1)]}', '{status}']) {
      expect(() => parseJsonPath(bad), bad).toThrow(JsonPathError);
    }
  });
});
