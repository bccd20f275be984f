// Golden tests for the check evaluator, in the style of kwok's stages: each
// testdata/evaluate/<case>.yaml holds cluster objects and checks as a lesson author writes them;
// <case>.golden.yaml holds each check's description, pass/fail and detail. UPDATE_GOLDEN=1
// rewrites the golden files.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { KubeObject } from '../api/meta';
import { findResource } from '../api/scheme';
import { evaluateCheck } from './check-evaluator';
import { parseCheck } from './check-spec';

const CASES = fileURLToPath(new URL('./testdata/evaluate/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** The objects an informer for the check's resource and namespace would hold. */
function objectsFor(objects: KubeObject[], group: string, resource: string, namespace: string | undefined): KubeObject[] {
  const kind = findResource(group, 'v1', resource)?.kind;
  return objects.filter((o) => o.kind === kind && o.metadata.namespace === namespace);
}

describe('evaluateCheck golden cases', () => {
  const cases = readdirSync(CASES).filter((f) => f.endsWith('.yaml') && !f.endsWith('.golden.yaml'));
  it('has cases', () => expect(cases.length).toBeGreaterThan(2));
  for (const file of cases) {
    const name = file.replace(/\.yaml$/, '');
    it(name, () => {
      const input = parse(readFileSync(CASES + file, 'utf8')) as { objects: KubeObject[]; checks: unknown[] };
      const actual = input.checks.map((raw) => {
        const check = parseCheck(raw);
        const outcome = evaluateCheck(check, objectsFor(input.objects, check.group, check.resource, check.namespace));
        return { check: check.description, passed: outcome.passed, detail: outcome.detail };
      });
      const goldenPath = `${CASES}${name}.golden.yaml`;
      if (UPDATE) writeFileSync(goldenPath, stringify(actual, { lineWidth: 0 }));
      expect(actual).toEqual(parse(readFileSync(goldenPath, 'utf8')));
    });
  }
});
