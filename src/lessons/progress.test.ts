// Progress: steps unlock in order, completion is sticky, stored data is read defensively.

import { describe, expect, it } from 'vitest';
import type { Lesson } from './lesson-types';
import { activeStepIndex, completeStep, isStepComplete, parseProgress, resetLesson } from './progress';

const lesson: Lesson = {
  id: '01-first-pod',
  title: 'Your first pod',
  summary: '',
  order: 1,
  intro: '',
  steps: ['run', 'watch', 'delete'].map((id) => ({ id, title: id, markdown: '', checks: [] })),
};

describe('progress', () => {
  it('starts at the first step and moves on as steps complete', () => {
    let progress = parseProgress(undefined);
    expect(activeStepIndex(lesson, progress)).toBe(0);
    progress = completeStep(progress, lesson.id, 'run');
    expect(activeStepIndex(lesson, progress)).toBe(1);
    expect(completeStep(progress, lesson.id, 'run')).toBe(progress);
    progress = completeStep(completeStep(progress, lesson.id, 'watch'), lesson.id, 'delete');
    expect(activeStepIndex(lesson, progress)).toBe(3);
    expect(isStepComplete(lesson, progress, 'watch')).toBe(true);
    expect(activeStepIndex(lesson, resetLesson(progress, lesson.id))).toBe(0);
  });

  it('keeps only well-formed stored entries', () => {
    expect(parseProgress({ a: ['x', 3, 'y'], b: 'nope', c: [] })).toEqual({ a: ['x', 'y'], c: [] });
    expect(parseProgress('garbage')).toEqual({});
    expect(parseProgress([['a']])).toEqual({});
  });

  it('ignores steps that no longer exist when finding the active one', () => {
    expect(activeStepIndex(lesson, { [lesson.id]: ['gone', 'run'] })).toBe(1);
  });
});
