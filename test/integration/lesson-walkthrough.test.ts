// The lessons can be done as written: a learner who runs each step's commands in order (running
// a command again while it fails, as one would while a pod is still starting, running a step's
// exec commands again while its checks stay red, and leaving out the ones that watch or follow
// until interrupted) sees every step's checks turn green on a real cluster. What a lesson asks
// the learner to do outside its commands (copy a pod's name into one, stop and start a node from
// the picture) is done here as the learner would, through the same cluster.

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CheckWatcher, type CheckStatus } from '../../src/lessons/check-watcher';
import { parseLesson } from '../../src/lessons/lesson-parser';
import { HeredocReader, parseLine } from '../../src/shell/syntax';
import { commandLines } from '../../src/ui/markdown/markdown';
import type { Pod } from '../../src/api/core';
import { eventually, type KubectlResult, type TestCluster } from '../support/node-cluster';
import { PODS } from '../support/pod-fixtures';
import { useTestCluster } from '../support/use-test-cluster';

const WALKED = ['01-first-pod', '02-deployments', '03-restarts', '04-services', '05-multi-container-pods', '06-control-plane'];

/** What a learner does in a step besides its commands. */
interface LearnerStep {
  /** Done after the step's commands, before its checks. */
  before?(t: TestCluster): Promise<void>;
  /** Done once the step's first check has passed, before the others can. */
  afterFirstCheck?(t: TestCluster): Promise<void>;
}

interface Learner {
  /** The text the learner puts in place of a `<placeholder>` in a command. */
  fill?(t: TestCluster, placeholder: string): Promise<string>;
  /** By step title. */
  steps?: Record<string, LearnerStep>;
}

/** The name of a pod of `app`, as a learner copies it from `kubectl get pods`. */
async function podOf(t: TestCluster, app: string): Promise<Pod> {
  const [pod] = (await t.client.list<Pod>(PODS, 'default', { labelSelector: `app=${app}` })).items;
  return pod;
}

/** Lesson 2: delete a pod by its copied name, stop a worker that runs web pods, start it again. */
function deploymentsLearner(): Learner {
  let stopped = '';
  return {
    fill: async (t, placeholder) => (placeholder === '<name-of-one-pod>' ? ((await podOf(t, 'web')).metadata.name ?? '') : placeholder),
    steps: {
      'Lose a node': {
        before: async (t) => {
          stopped = (await podOf(t, 'web')).spec.nodeName ?? '';
          await t.cluster.nodes.stop(stopped);
        },
      },
      'Watch the pods move': { afterFirstCheck: (t) => t.cluster.nodes.start(stopped) },
    },
  };
}

const LEARNERS: Record<string, () => Learner> = { '02-deployments': deploymentsLearner };

interface Command {
  line: string;
  /** The body of the heredoc the line opens, if any. */
  stdin?: string;
}

/** A watch, or logs that follow: `-f` means a file to every other command. */
function runsUntilInterrupted(line: string): boolean {
  return / (-w|--watch)( |$)/.test(line) || (line.startsWith('kubectl logs ') && / (-f|--follow)( |$)/.test(line));
}

/**
 * The kubectl commands of a step's shell blocks, as the Run button types them (a heredoc's body
 * becomes the command's standard input), without the ones that run until interrupted.
 */
function commands(markdown: string): Command[] {
  const lines = [...markdown.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)].flatMap((m) => commandLines(m[1]));
  const typed: Command[] = [];
  const heredocs = new HeredocReader();
  for (const line of lines) {
    const part = heredocs.read(line);
    const current = typed[typed.length - 1];
    if (part === 'command') typed.push({ line });
    else if (part === 'body') current.stdin = `${current.stdin ?? ''}${line}\n`;
    else current.stdin ??= '';
  }
  return typed.filter(({ line }) => line.startsWith('kubectl ') && !runsUntilInterrupted(line));
}

/** Waits for `work` while the manual clock moves on. */
async function settle(t: TestCluster, work: Promise<KubectlResult>): Promise<KubectlResult> {
  let result: KubectlResult | undefined;
  void work.then((value) => (result = value));
  return eventually(t.clock, async () => {
    if (!result) throw new Error('the command is still running');
    return result;
  });
}

/** A command succeeded: exit 0, or an exec whose command was stopped with its container (137). */
function succeeded(result: KubectlResult): boolean {
  return result.code === 0 || result.stderr === 'command terminated with exit code 137\n';
}

/** Waits up to `seconds` of cluster time for the first `count` checks of a step to pass. */
async function checksPass(t: TestCluster, watcher: { statuses: CheckStatus[] }, count: number, step: string, seconds: number): Promise<void> {
  const stepMs = seconds > 60 ? 5000 : 1000;
  await eventually(
    t.clock,
    async () => {
      expect(watcher.statuses.slice(0, count).map((s) => s.state), `${step}: ${watcher.statuses.map((s) => s.detail).join('; ')}`).toEqual(Array(count).fill('passed'));
    },
    { stepMs, maxSteps: (seconds * 1000) / stepMs },
  );
}

/** A command line with the learner's own text in place of its `<placeholders>`. */
async function filled(t: TestCluster, command: Command, learner: Learner): Promise<Command> {
  let line = command.line;
  for (const [placeholder] of line.matchAll(/<[a-z-]+>/g)) line = line.replace(placeholder, (await learner.fill?.(t, placeholder)) ?? placeholder);
  return { ...command, line };
}

/** Runs one command as the terminal would, again while it fails. */
async function run(t: TestCluster, { line, stdin }: Command): Promise<void> {
  // The terminal's own parser: quotes and escapes as the learner's shell reads them.
  const args = parseLine(line, {})[0].commands[0].words.slice(1);
  const result = await eventually(t.clock, async () => {
    const outcome = await settle(t, t.kubectl(args, stdin));
    expect(succeeded(outcome), `${line}: ${outcome.stderr}`).toBe(true);
    return outcome;
  });
  expect(result.stderr.startsWith('error')).toBe(false);
}

/** Rounds of running a step's exec commands again while its checks stay red (see below). */
const EXEC_ROUNDS = 3;

describe.each(WALKED)('lesson %s, done as written', (id) => {
  const t = useTestCluster();

  it('turns every step green by running its commands', async () => {
    const lesson = parseLesson(id, await readFile(new URL(`../../lessons/${id}/index.md`, import.meta.url), 'utf8'));
    const learner = LEARNERS[id]?.() ?? {};
    for (const step of lesson.steps) {
      const stepCommands = commands(step.markdown);
      const own = learner.steps?.[step.title];
      for (const command of stepCommands) await run(t, await filled(t, command, learner));
      await own?.before?.(t);
      const watcher = { statuses: [] as CheckStatus[] };
      const checks = new CheckWatcher(t.client, t.clock, step.checks, (statuses) => (watcher.statuses = statuses));
      checks.start();
      try {
        if (own?.afterFirstCheck) {
          await checksPass(t, watcher, 1, step.title, 600);
          await own.afterFirstCheck(t);
        }
        // A command run inside a container that has only just started can come too early (a
        // signal before the program handles it); a learner whose check stays red runs it again.
        for (let round = 1; ; round++) {
          try {
            await checksPass(t, watcher, step.checks.length, step.title, round < EXEC_ROUNDS ? 60 : 600);
            break;
          } catch (error) {
            const execs = stepCommands.filter((c) => c.line.startsWith('kubectl exec '));
            if (round === EXEC_ROUNDS || execs.length === 0) throw error;
            for (const command of execs) await run(t, command);
          }
        }
      } finally {
        checks.stop();
      }
    }
  });
});
