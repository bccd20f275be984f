// The learner's place in the lessons: which lesson is open (its text loaded on opening), which
// steps are done (kept in localStorage), and the live check statuses of the active step,
// evaluated by a CheckWatcher against the cluster. A step is passed once its checks are green
// (or it has none); the learner then moves on with Next, so steps unlock strictly in order.

import type { ApiClient } from '../../client/client';
import type { ClusterClock } from '../../cluster/clock';
import { CheckWatcher, type CheckStatus } from '../../lessons/check-watcher';
import type { LessonIndexEntry, RenderedLesson as Lesson, RenderedStep as LessonStep } from './rendered-lesson';
import { activeStepIndex, completeStep, resetLesson, type ProgressData, type ProgressStorage } from '../../lessons/progress';
import { readStored, writeStored } from '../platform/local-storage';
import type { LessonCatalog } from './catalog';

const SELECTED_KEY = 'kubetab.lesson.v1';

export class LessonSession {
  readonly lessons: LessonIndexEntry[];
  readonly errors: string[];
  lessonId = $state('');
  progress = $state.raw<ProgressData>({});
  /** Statuses of the active step's checks, in order. */
  statuses = $state.raw<CheckStatus[]>([]);
  /** The cluster is there to check against. */
  connected = $state(false);
  /** The lessons whose text has loaded, by id. */
  private loaded = $state.raw<Record<string, Lesson>>({});
  /** The open lesson, once its text has loaded. */
  lesson = $derived<Lesson | undefined>(this.loaded[this.lessonId]);
  /** Why the open lesson's text could not load. */
  loadError = $state('');
  private entry = $derived(this.findLesson(this.lessonId));
  activeIndex = $derived(this.entry ? activeStepIndex(this.entry, this.progress) : 0);
  activeStep = $derived<LessonStep | undefined>(this.lesson?.steps[this.activeIndex]);
  /** The active step's checks are all green (or it has none). */
  passed = $derived(this.statuses.length === (this.activeStep?.checks.length ?? 0) && this.statuses.every((s) => s.state === 'passed'));
  private watcher?: CheckWatcher;
  private api?: { client: ApiClient; clock: ClusterClock };

  constructor(
    private readonly catalog: LessonCatalog,
    private readonly storage: ProgressStorage,
  ) {
    this.lessons = catalog.lessons;
    this.errors = catalog.errors;
    this.progress = storage.load();
    const stored = readStored(SELECTED_KEY);
    this.lessonId = typeof stored === 'string' && this.findLesson(stored) ? stored : (this.lessons[0]?.id ?? '');
    void this.open(this.lessonId);
  }

  /** Starts checking against the cluster's API. */
  connect(client: ApiClient, clock: ClusterClock): void {
    this.api = { client, clock };
    this.connected = true;
    this.watchActiveStep();
  }

  select(lessonId: string): void {
    if (!this.findLesson(lessonId) || lessonId === this.lessonId) return;
    this.lessonId = lessonId;
    writeStored(SELECTED_KEY, lessonId);
    this.watchActiveStep();
    void this.open(lessonId);
  }

  /** Completes the active step (when it has passed) and moves to the next. */
  advance(): void {
    const step = this.activeStep;
    if (!step || !this.passed) return;
    this.setProgress(completeStep(this.progress, this.lessonId, step.id));
  }

  /** Starts the open lesson over (the cluster is left as it is). */
  restart(): void {
    this.setProgress(resetLesson(this.progress, this.lessonId));
  }

  dispose(): void {
    this.watcher?.stop();
    this.watcher = undefined;
  }

  private setProgress(progress: ProgressData): void {
    this.progress = progress;
    this.storage.save(progress);
    this.watchActiveStep();
  }

  /** Loads a lesson's text (once), then checks its active step if it is still the open one. */
  private async open(lessonId: string): Promise<void> {
    if (!lessonId || this.loaded[lessonId]) return;
    this.loadError = '';
    try {
      const lesson = await this.catalog.load(lessonId);
      this.loaded = { ...this.loaded, [lessonId]: lesson };
    } catch (error) {
      if (this.lessonId === lessonId) this.loadError = `The lesson could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
      return;
    }
    if (this.lessonId === lessonId) this.watchActiveStep();
  }

  private watchActiveStep(): void {
    this.watcher?.stop();
    this.watcher = undefined;
    const lesson = this.loaded[this.lessonId];
    const step = lesson?.steps[activeStepIndex(lesson, this.progress)];
    this.statuses = (step?.checks ?? []).map(() => ({ state: 'waiting', detail: '' }));
    if (!step || step.checks.length === 0 || !this.api) return;
    const watcher = new CheckWatcher(this.api.client, this.api.clock, step.checks, (statuses) => {
      if (this.watcher === watcher) this.statuses = statuses;
    });
    this.watcher = watcher;
    watcher.start();
  }

  private findLesson(id: string): LessonIndexEntry | undefined {
    return this.lessons.find((lesson) => lesson.id === id);
  }
}
