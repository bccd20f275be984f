// The lessons can be done as written: a learner who runs each step's commands in order (running
// a command again while it fails, as one would while a pod is still starting, running a step's
// exec commands again while its checks stay red, and leaving out the ones that watch or follow
// until interrupted) sees every step's checks turn green on a real cluster. Lessons that ask the
// learner to type something of their own are not walked here.

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CheckWatcher, type CheckStatus } from '../../src/lessons/check-watcher';
import { parseLesson } from '../../src/lessons/lesson-parser';
import { heredocDelimiters, parseLine } from '../../src/shell/syntax';
import { commandLines } from '../../src/ui/markdown/markdown';
import { eventually, type KubectlResult, type TestCluster } from '../support/node-cluster';
import { useTestCluster } from '../support/use-test-cluster';

const WALKED = ['01-first-pod', '03-restarts', '04-services', '05-multi-container-pods', '06-control-plane'];

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
  const found: Command[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const [delimiter] = heredocDelimiters(line);
    let stdin: string | undefined;
    if (delimiter) {
      const end = lines.findIndex((body, j) => j > i && body.trim() === delimiter);
      stdin = `${lines.slice(i + 1, end).join('\n')}\n`;
      i = end;
    }
    if (line.startsWith('kubectl ') && !runsUntilInterrupted(line)) found.push({ line, ...(stdin !== undefined && { stdin }) });
  }
  return found;
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

/** Waits up to `maxSteps` seconds of cluster time for every check of a step to pass. */
async function checksPass(t: TestCluster, watcher: { statuses: CheckStatus[] }, count: number, step: string, maxSteps: number): Promise<void> {
  await eventually(
    t.clock,
    async () => {
      expect(watcher.statuses.map((s) => s.state), `${step}: ${watcher.statuses.map((s) => s.detail).join('; ')}`).toEqual(Array(count).fill('passed'));
    },
    { stepMs: 1000, maxSteps },
  );
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
    for (const step of lesson.steps) {
      const stepCommands = commands(step.markdown);
      for (const command of stepCommands) await run(t, command);
      const watcher = { statuses: [] as CheckStatus[] };
      const checks = new CheckWatcher(t.client, t.clock, step.checks, (statuses) => (watcher.statuses = statuses));
      checks.start();
      try {
        // A command run inside a container that has only just started can come too early (a
        // signal before the program handles it); a learner whose check stays red runs it again.
        for (let round = 1; ; round++) {
          try {
            await checksPass(t, watcher, step.checks.length, step.title, round < EXEC_ROUNDS ? 60 : 300);
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
