// Parses a lesson's `index.md`: YAML front matter (title, summary, order, optional checks per
// step), an intro, then one step per `## ` heading. A step's checks come from fenced ```check
// blocks (YAML: one check or a list) and from the front matter's `checks.<step-id>`. Pure: no
// file system, no DOM, so it runs in the page, in Node and in golden tests alike.

import { parse } from 'yaml';
import { parseCheck } from './check-spec';
import { splitFrontMatter } from './front-matter';
import type { Check, Lesson, LessonStep } from './lesson-types';

export class LessonParseError extends Error {
  constructor(
    readonly lessonId: string,
    problem: string,
  ) {
    super(`lesson ${lessonId}: ${problem}`);
  }
}

const FRONT_MATTER_FIELDS = new Set(['title', 'summary', 'order', 'checks']);
const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;
const STEP_HEADING = /^ {0,3}## +(.*?)(?: +#+)? *$/;

interface RawStep {
  title: string;
  lines: string[];
  checkBlocks: string[];
}

/** Parses one lesson; `id` is its folder name. Throws LessonParseError naming the problem. */
export function parseLesson(id: string, source: string): Lesson {
  const fail = (problem: string) => new LessonParseError(id, problem);
  let document;
  try {
    document = splitFrontMatter(source);
  } catch (error) {
    throw fail(`front matter: ${(error as Error).message}`);
  }
  const { data, body } = document;
  for (const key of Object.keys(data)) if (!FRONT_MATTER_FIELDS.has(key)) throw fail(`front matter: unknown field "${key}"`);
  const title = data.title;
  const summary = data.summary;
  const order = data.order;
  if (typeof title !== 'string' || !title.trim()) throw fail('front matter: "title" is required');
  if (typeof summary !== 'string' || !summary.trim()) throw fail('front matter: "summary" is required');
  if (typeof order !== 'number' || !Number.isFinite(order)) throw fail('front matter: "order" must be a number');

  const { intro, rawSteps } = splitSteps(body, fail);
  if (rawSteps.length === 0) throw fail('no steps (a step starts with a "## " heading)');

  const ids = new Set<string>();
  const steps: LessonStep[] = rawSteps.map((raw) => {
    const stepId = uniqueId(slugify(raw.title) || 'step', ids);
    const checks: Check[] = [];
    raw.checkBlocks.forEach((block) => {
      let parsed: unknown;
      try {
        parsed = parse(block);
      } catch (error) {
        throw fail(`step "${stepId}": check block: ${(error as Error).message}`);
      }
      checks.push(...parseChecks(parsed, `step "${stepId}": check block`, fail));
    });
    return { id: stepId, title: raw.title, markdown: raw.lines.join('\n').trim(), checks };
  });

  const frontMatterChecks = data.checks ?? {};
  if (typeof frontMatterChecks !== 'object' || frontMatterChecks === null || Array.isArray(frontMatterChecks)) {
    throw fail('front matter: "checks" must map step ids to checks');
  }
  for (const [stepId, raw] of Object.entries(frontMatterChecks)) {
    const step = steps.find((s) => s.id === stepId);
    if (!step) throw fail(`front matter: checks for unknown step "${stepId}" (steps: ${steps.map((s) => s.id).join(', ')})`);
    step.checks.push(...parseChecks(raw, `front matter: checks.${stepId}`, fail));
  }

  return { id, title: title.trim(), summary: summary.trim(), order, intro: intro.trim(), steps };
}

function splitSteps(body: string, fail: (problem: string) => LessonParseError): { intro: string; rawSteps: RawStep[] } {
  const introLines: string[] = [];
  const rawSteps: RawStep[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const current = rawSteps[rawSteps.length - 1];
    const target = current ? current.lines : introLines;
    const fence = FENCE.exec(line);
    if (fence) {
      const end = closingFence(lines, i, fence[1]);
      if (fence[2] === 'check') {
        if (!current) throw fail('a check block must be inside a step');
        current.checkBlocks.push(lines.slice(i + 1, end).join('\n'));
      } else {
        target.push(...lines.slice(i, end + 1));
      }
      i = end;
      continue;
    }
    const heading = STEP_HEADING.exec(line);
    if (heading) {
      if (!heading[1]) throw fail(`empty step heading on line ${i + 1} of the body`);
      rawSteps.push({ title: heading[1], lines: [], checkBlocks: [] });
    } else {
      target.push(line);
    }
  }
  return { intro: introLines.join('\n'), rawSteps };
}

/** The line index closing a fence opened at `open` (the last line when it never closes, as CommonMark has it). */
function closingFence(lines: string[], open: number, marker: string): number {
  const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
  for (let i = open + 1; i < lines.length; i++) if (closing.test(lines[i])) return i;
  return lines.length - 1;
}

function parseChecks(raw: unknown, where: string, fail: (problem: string) => LessonParseError): Check[] {
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((item, index) => {
    try {
      return parseCheck(item);
    } catch (error) {
      throw fail(`${where}${list.length > 1 ? ` #${index + 1}` : ''}: ${(error as Error).message}`);
    }
  });
}

/** `Run your first pod!` → `run-your-first-pod`. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
