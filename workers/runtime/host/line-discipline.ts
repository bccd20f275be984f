// A terminal's line discipline for processes with a tty (kubectl exec -it, kubectl attach -t):
// canonical input with echo and erase, Ctrl+C as SIGINT, Ctrl+D as end-of-file, and output
// newlines turned into carriage return plus newline.

const encoder = new TextEncoder();

export interface LineDisciplineTarget {
  /** A finished line (or an empty chunk: end-of-file) for the program's stdin. */
  input(data: Uint8Array): void;
  /** Echo for the terminal. */
  echo(text: string): void;
  interrupt(): void;
}

export class LineDiscipline {
  private line: string[] = [];
  private escape = false;

  constructor(private readonly target: LineDisciplineTarget) {}

  /** Keystrokes from the terminal. */
  receive(keys: string): void {
    for (const key of keys) this.key(key);
  }

  /** Program output as the terminal should see it. */
  static output(text: string): string {
    return text.replace(/\n/g, '\r\n');
  }

  private key(key: string): void {
    if (this.escape) {
      if (/[A-Za-z~]/.test(key)) this.escape = false;
      return;
    }
    switch (key) {
      case '\r':
      case '\n':
        this.target.echo('\r\n');
        this.submit('\n');
        return;
      case '\x7f':
      case '\b':
        if (this.line.pop() !== undefined) this.target.echo('\b \b');
        return;
      case '\x15':
        this.target.echo('\b \b'.repeat(this.line.length));
        this.line = [];
        return;
      case '\x03':
        this.target.echo('^C\r\n');
        this.line = [];
        this.target.interrupt();
        return;
      case '\x04':
        if (this.line.length === 0) this.target.input(new Uint8Array(0));
        else this.submit('');
        return;
      case '\x1b':
        this.escape = true;
        return;
    }
    if (key < ' ' && key !== '\t') return;
    this.line.push(key);
    this.target.echo(key);
  }

  private submit(ending: string): void {
    const text = this.line.join('') + ending;
    this.line = [];
    this.target.input(encoder.encode(text));
  }
}
