// The lesson model every layer shares: a lesson is an ordered list of steps, each with markdown
// to read and checks (data, not code) that say when the step is done. Plain JSON values, so a
// parsed lesson can be compared with a golden file.

/** One requirement on an object's state, tested per object. */
export type Condition =
  /** The object's readiness as kubectl shows it (pods: READY n/n; nodes: Ready; workloads: ready replicas). */
  | { kind: 'ready'; value: boolean }
  /** A pod's STATUS column exactly as `kubectl get pods` prints it (`Running`, `CrashLoopBackOff`…). */
  | { kind: 'status'; value: string }
  /** A kubectl JSONPath template; with `equals` its text must match, without it it must be non-empty. */
  | { kind: 'jsonpath'; path: string; equals?: string };

/** A check on cluster state, read through the API: which objects, and what must hold for them. */
export interface Check {
  /** What the learner sees, e.g. "The pod web exists". */
  description: string;
  /** Shown while the check is not met. */
  hint?: string;
  /** The API group ('' for core) and plural resource, e.g. '' and 'pods'. */
  group: string;
  resource: string;
  /** Set for namespaced resources (defaults to `default`). */
  namespace?: string;
  /** One object by name, or every object a label selector matches. */
  name?: string;
  selector?: string;
  /** True when the check asks for the object(s) to be gone. */
  absent: boolean;
  /** With a selector: exactly this many objects must meet the conditions (at least one when unset). */
  count?: number;
  conditions: Condition[];
}

export interface LessonStep {
  /** A stable id from the heading (`run-your-first-pod`), used for progress. */
  id: string;
  title: string;
  /** The step's markdown without its check blocks. */
  markdown: string;
  checks: Check[];
}

export interface Lesson {
  /** The lesson folder name, e.g. `01-first-pod`. */
  id: string;
  title: string;
  summary: string;
  order: number;
  /** Markdown before the first step heading. */
  intro: string;
  steps: LessonStep[];
}
