// The state of one shell: variables, positional parameters, options, functions, traps, the
// status of the last command, and the flags that unwind execution (exit, return, break,
// continue). Subshells work on a copy and throw it away.

import { Environment } from "../context";
import { Node } from "./ast";

export class ShellState {
  env: Environment;
  /** $0. */
  name: string = "sh";
  /** $1, $2... */
  positional: string[] = [];
  status: i32 = 0;
  functions: Map<string, Node> = new Map<string, Node>();
  /** Trap commands by signal number; 0 is EXIT. An empty command ignores the signal. */
  traps: Map<i32, string> = new Map<i32, string>();
  errexit: bool = false;
  xtrace: bool = false;
  nounset: bool = false;
  pipefail: bool = false;
  interactive: bool = false;
  /** Inside an if/while condition or a `&&`/`||` left side: errexit does not apply. */
  conditionDepth: i32 = 0;
  functionDepth: i32 = 0;
  loopDepth: i32 = 0;
  exiting: bool = false;
  returning: bool = false;
  breakLevels: i32 = 0;
  continueLevels: i32 = 0;
  /** Saved `local` variables of the running function calls, innermost last. */
  locals: Map<string, string | null>[] = [];

  constructor(env: Environment) {
    this.env = env;
  }

  /** Whether execution should stop going forward (exit, return, break or continue pending). */
  get unwinding(): bool {
    return this.exiting || this.returning || this.breakLevels > 0 || this.continueLevels > 0;
  }

  /** `$-`: the single-letter options in effect. */
  optionLetters(): string {
    let out = "";
    if (this.errexit) out += "e";
    if (this.interactive) out += "i";
    if (this.nounset) out += "u";
    if (this.xtrace) out += "x";
    return out;
  }

  /** A copy for a subshell: changes to it do not reach this shell. */
  fork(): ShellState {
    const copy = new ShellState(this.env.clone());
    copy.name = this.name;
    copy.positional = this.positional.slice(0);
    copy.status = this.status;
    const names = this.functions.keys();
    for (let i = 0; i < names.length; i++) copy.functions.set(names[i], this.functions.get(names[i]));
    const signals = this.traps.keys();
    for (let i = 0; i < signals.length; i++) copy.traps.set(signals[i], this.traps.get(signals[i]));
    copy.errexit = this.errexit;
    copy.xtrace = this.xtrace;
    copy.nounset = this.nounset;
    copy.pipefail = this.pipefail;
    copy.conditionDepth = this.conditionDepth;
    copy.functionDepth = this.functionDepth;
    return copy;
  }
}
