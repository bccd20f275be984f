// Lesson progress: which steps a learner has completed, per lesson. A step stays complete once
// its checks have passed (deleting the pod later does not lock step one again), and steps
// unlock in order. Storage is a port: localStorage in the page, memory in tests.

import type { Lesson } from './lesson-types';

/** Completed step ids, by lesson id. */
export type ProgressData = Readonly<Record<string, readonly string[]>>;

export interface ProgressStorage {
  load(): ProgressData;
  save(data: ProgressData): void;
}

/** Reads stored progress, keeping only well-formed entries (storage may hold anything). */
export function parseProgress(value: unknown): ProgressData {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const data: Record<string, string[]> = {};
  for (const [lessonId, steps] of Object.entries(value)) {
    if (Array.isArray(steps)) data[lessonId] = steps.filter((s): s is string => typeof s === 'string');
  }
  return data;
}

/** The index of the step the learner is on: the first one not completed (steps.length when all are). */
export function activeStepIndex(lesson: Pick<Lesson, 'id'> & { steps: readonly Pick<Lesson['steps'][number], 'id'>[] }, progress: ProgressData): number {
  const done = new Set(progress[lesson.id] ?? []);
  const index = lesson.steps.findIndex((step) => !done.has(step.id));
  return index < 0 ? lesson.steps.length : index;
}

export function isStepComplete(lesson: Lesson, progress: ProgressData, stepId: string): boolean {
  return (progress[lesson.id] ?? []).includes(stepId);
}

export function completeStep(progress: ProgressData, lessonId: string, stepId: string): ProgressData {
  const done = progress[lessonId] ?? [];
  if (done.includes(stepId)) return progress;
  return { ...progress, [lessonId]: [...done, stepId] };
}

export function resetLesson(progress: ProgressData, lessonId: string): ProgressData {
  const rest = { ...progress };
  delete rest[lessonId];
  return rest;
}
