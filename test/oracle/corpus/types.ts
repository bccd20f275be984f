// One command line of the oracle's corpus.

export interface OracleCase {
  /** The arguments after `kubectl`, quoted as in a shell; `%x%` names a twin object. */
  line: string;
  /** Standard input (`-f -`), with `%x%` twins too. */
  stdin?: string;
  /** Keeps the manual clock moving while the command runs (commands that wait for the cluster). */
  pump?: boolean;
  /** Cluster milliseconds to let pass after the command. */
  settle?: number;
  /**
   * A command line kubetab's kubectl runs between the two clients' runs, to put back the state
   * the real kubectl's run changed (for objects that cannot have twins, such as nodes).
   */
  reset?: string;
}

/** Cases from plain command lines. */
export function lines(...commandLines: string[]): OracleCase[] {
  return commandLines.map((line) => ({ line }));
}

/** Cases from command lines that all read the same standard input. */
export function withStdin(stdin: string, ...commandLines: string[]): OracleCase[] {
  return commandLines.map((line) => ({ line, stdin }));
}
