// Golden tests for the lesson parser: each testdata/parse/<case>.md is parsed and compared with
// <case>.golden.json (the lesson, or the error it must raise). UPDATE_GOLDEN=1 rewrites them.
// The shipped lessons under lessons/ must parse too.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLesson, slugify } from './lesson-parser';

const CASES = fileURLToPath(new URL('./testdata/parse/', import.meta.url));
const LESSONS = fileURLToPath(new URL('../../lessons/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function parseOutcome(id: string, source: string): unknown {
  try {
    return parseLesson(id, source);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('parseLesson golden cases', () => {
  const cases = readdirSync(CASES).filter((f) => f.endsWith('.md'));
  it('has cases', () => expect(cases.length).toBeGreaterThan(3));
  for (const file of cases) {
    const name = file.replace(/\.md$/, '');
    it(name, () => {
      const actual = parseOutcome(name, readFileSync(CASES + file, 'utf8'));
      const goldenPath = `${CASES}${name}.golden.json`;
      if (UPDATE) writeFileSync(goldenPath, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(goldenPath, 'utf8')));
    });
  }
});

describe('shipped lessons', () => {
  const folders = readdirSync(LESSONS, { withFileTypes: true }).filter((d) => d.isDirectory());
  it('exist', () => expect(folders.length).toBeGreaterThan(0));
  for (const folder of folders) {
    it(`${folder.name} parses, and every step but reading ones has a check`, () => {
      const lesson = parseLesson(folder.name, readFileSync(`${LESSONS}${folder.name}/index.md`, 'utf8'));
      expect(folder.name).toMatch(/^\d\d-[a-z0-9-]+$/);
      expect(lesson.order).toBe(Number(folder.name.slice(0, 2)));
      expect(lesson.steps.filter((step) => step.checks.length > 0).length).toBeGreaterThanOrEqual(lesson.steps.length - 2);
    });
  }
});

describe('slugify', () => {
  it('keeps letters and digits, joins the rest with dashes', () => {
    expect(slugify('Run `kubectl get pods -o wide`: which node?')).toBe('run-kubectl-get-pods-o-wide-which-node');
    expect(slugify('  ¡Hola!  ')).toBe('hola');
  });
});
