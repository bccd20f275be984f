// The shell as a terminal sees it: raw input in (keystrokes, pastes, escape sequences), text
// out (with ANSI sequences), a size. The same session runs behind xterm in the page and behind
// a Node TTY (or stdin) in `npm run shell`.

export interface TerminalOutput {
  write(text: string): void;
}

export interface ShellSession {
  /** Raw input from the terminal. */
  input(data: string): void;
  resize(columns: number, rows: number): void;
  /** Runs a command line as if typed and entered (lesson "run" buttons); resolves when it ends. */
  run(line: string): Promise<void>;
  /** Resolves when the user leaves the shell (`exit`, Ctrl+D on an empty line). */
  readonly closed: Promise<void>;
  dispose(): void;
}
