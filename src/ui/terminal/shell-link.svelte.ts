// Connects the terminal to a shell session: the factory the integrator provides (the shell
// lives in src/shell), one session at a time (a new one when the user exits the last), and
// `run` for the lessons' Run buttons. Without a factory the terminal says so and Run is off.

import type { Terminal } from '@xterm/xterm';
import type { ShellSession, TerminalOutput } from '../../shell/types';

/** Creates a shell session writing to `out`, sized `columns` × `rows`. */
export type ShellFactory = (out: TerminalOutput, columns: number, rows: number) => ShellSession;

const NOT_CONNECTED = '\x1b[2mThe shell is not connected in this build, so this terminal cannot run commands yet.\x1b[0m\r\n';
const RESTARTED = '\x1b[2m[shell exited; a new one has started]\x1b[0m\r\n';

export class ShellLink {
  /** A command from a Run button is running. */
  running = $state(false);
  private session?: ShellSession;
  private terminal?: Terminal;

  constructor(private readonly factory: ShellFactory | undefined) {}

  get connected(): boolean {
    return this.factory !== undefined;
  }

  /** Starts a session in `terminal`; the returned function ends it. */
  attach(terminal: Terminal): () => void {
    this.terminal = terminal;
    if (!this.factory) {
      terminal.write(NOT_CONNECTED);
      return () => (this.terminal = undefined);
    }
    const factory = this.factory;
    const out: TerminalOutput = { write: (text) => terminal.write(text) };
    let disposed = false;
    const open = () => {
      const session = factory(out, terminal.cols, terminal.rows);
      this.session = session;
      void session.closed.then(() => {
        if (disposed || this.session !== session) return;
        session.dispose();
        terminal.write(RESTARTED);
        open();
      });
    };
    open();
    const input = terminal.onData((data) => this.session?.input(data));
    const resize = terminal.onResize(({ cols, rows }) => this.session?.resize(cols, rows));
    return () => {
      disposed = true;
      input.dispose();
      resize.dispose();
      this.session?.dispose();
      this.session = undefined;
      this.terminal = undefined;
    };
  }

  /** Runs lines one after another as if typed, with the terminal focused (for Ctrl+C). */
  async run(lines: readonly string[]): Promise<void> {
    const session = this.session;
    if (!session || this.running) return;
    this.terminal?.focus();
    this.running = true;
    try {
      for (const line of lines) await session.run(line);
    } finally {
      this.running = false;
    }
  }
}
