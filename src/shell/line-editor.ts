// Line editing for the shell, on raw terminal input: inserting and deleting, cursor movement
// (arrows, Home/End, Ctrl+A/E/B/F), word and line kills (Ctrl+W/U/K), history (Up/Down),
// and the keys the session handles (Enter, Ctrl+C, Ctrl+D, Ctrl+L, Tab). Redraws correctly
// across wrapped rows.

export type EditorEvent =
  | { type: 'submit'; line: string }
  | { type: 'interrupt' }
  | { type: 'eof' }
  | { type: 'clear' }
  | { type: 'complete' };

/** Splits raw input into keys: escape sequences, control characters, printable text runs. */
export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < data.length) {
    const c = data[i];
    if (c === '\x1b') {
      // eslint-disable-next-line no-control-regex -- terminal escape sequences are what this matches
      const csi = /^\x1b\[[0-9;?]*[ -/]*[@-~]/.exec(data.slice(i));
      // eslint-disable-next-line no-control-regex -- terminal escape sequences are what this matches
      const ss3 = /^\x1bO./.exec(data.slice(i));
      const match = csi ?? ss3;
      const key = match ? match[0] : data.slice(i, i + 2);
      keys.push(key);
      i += key.length;
    } else if (c < ' ' || c === '\x7f') {
      keys.push(c);
      i++;
    } else {
      let j = i;
      while (j < data.length && data[j] >= ' ' && data[j] !== '\x7f' && data[j] !== '\x1b') j++;
      keys.push(data.slice(i, j));
      i = j;
    }
  }
  return keys;
}

/** Visible width of a prompt that may hold ANSI colour sequences. */
function visibleWidth(text: string): number {
  // eslint-disable-next-line no-control-regex -- terminal escape sequences are what this matches
  return [...text.replace(/\x1b\[[0-9;]*m/g, '')].length;
}

export class LineEditor {
  buffer = '';
  cursor = 0;
  private prompt = '';
  private renderedCursor = 0;
  private historyIndex = -1;
  private draft = '';

  constructor(
    private readonly write: (text: string) => void,
    public columns: number,
    private readonly history: string[],
  ) {}

  /** Shows a prompt and starts a fresh line. */
  start(prompt: string): void {
    this.prompt = prompt;
    this.buffer = '';
    this.cursor = 0;
    this.historyIndex = -1;
    this.renderedCursor = 0;
    this.write(prompt);
    this.renderedCursor = visibleWidth(prompt);
  }

  /** Replaces the text being edited (completion, history). */
  setText(text: string, cursor = text.length): void {
    this.buffer = text;
    this.cursor = cursor;
    this.render();
  }

  insert(text: string): void {
    this.buffer = this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor);
    this.cursor += text.length;
    this.render();
  }

  /** Handles keys; returns what the session must act on. */
  handle(data: string): EditorEvent[] {
    const events: EditorEvent[] = [];
    for (const key of splitKeys(data)) {
      switch (key) {
        case '\r':
        case '\n': {
          const line = this.buffer;
          this.moveToEnd();
          this.write('\r\n');
          events.push({ type: 'submit', line });
          break;
        }
        case '\x03':
          this.moveToEnd();
          this.write('^C\r\n');
          events.push({ type: 'interrupt' });
          break;
        case '\x04':
          if (this.buffer === '') events.push({ type: 'eof' });
          else this.deleteForward();
          break;
        case '\x0c':
          events.push({ type: 'clear' });
          break;
        case '\t':
          events.push({ type: 'complete' });
          break;
        case '\x7f':
        case '\b':
          if (this.cursor > 0) {
            this.buffer = this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor);
            this.cursor--;
            this.render();
          }
          break;
        case '\x1b[3~':
          this.deleteForward();
          break;
        case '\x1b[D':
        case '\x02':
          if (this.cursor > 0) this.moveCursor(this.cursor - 1);
          break;
        case '\x1b[C':
        case '\x06':
          if (this.cursor < this.buffer.length) this.moveCursor(this.cursor + 1);
          break;
        case '\x1b[H':
        case '\x1bOH':
        case '\x1b[1~':
        case '\x01':
          this.moveCursor(0);
          break;
        case '\x1b[F':
        case '\x1bOF':
        case '\x1b[4~':
        case '\x05':
          this.moveCursor(this.buffer.length);
          break;
        case '\x15':
          this.setText(this.buffer.slice(this.cursor), 0);
          break;
        case '\x0b':
          this.setText(this.buffer.slice(0, this.cursor), this.cursor);
          break;
        case '\x17': {
          const before = this.buffer.slice(0, this.cursor).replace(/\S*\s*$/, '');
          this.setText(before + this.buffer.slice(this.cursor), before.length);
          break;
        }
        case '\x1b[A':
          this.recall(1);
          break;
        case '\x1b[B':
          this.recall(-1);
          break;
        default:
          if (key >= ' ' && !key.startsWith('\x1b')) this.insert(key);
      }
    }
    return events;
  }

  private deleteForward(): void {
    if (this.cursor >= this.buffer.length) return;
    this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1);
    this.render();
  }

  private recall(step: number): void {
    if (this.history.length === 0) return;
    if (this.historyIndex === -1) this.draft = this.buffer;
    const next = Math.max(-1, Math.min(this.history.length - 1, this.historyIndex + step));
    if (next === this.historyIndex) return;
    this.historyIndex = next;
    this.setText(next === -1 ? this.draft : this.history[this.history.length - 1 - next]);
  }

  private moveToEnd(): void {
    this.moveCursor(this.buffer.length);
  }

  private moveCursor(position: number): void {
    this.cursor = position;
    this.write(this.cursorMoves(this.renderedCursor, this.offsetOf(position)));
    this.renderedCursor = this.offsetOf(position);
  }

  /** Cells from the start of the prompt to a position in the buffer. */
  private offsetOf(position: number): number {
    return visibleWidth(this.prompt) + [...this.buffer.slice(0, position)].length;
  }

  private cursorMoves(from: number, to: number): string {
    const cols = Math.max(1, this.columns);
    const fromRow = Math.floor(from / cols);
    const toRow = Math.floor(to / cols);
    let moves = '';
    if (toRow < fromRow) moves += `\x1b[${fromRow - toRow}A`;
    if (toRow > fromRow) moves += `\x1b[${toRow - fromRow}B`;
    moves += '\r';
    const col = to % cols;
    if (col > 0) moves += `\x1b[${col}C`;
    return moves;
  }

  /** Redraws prompt and text from the first row of the line, then places the cursor. */
  private render(): void {
    const cols = Math.max(1, this.columns);
    const startRow = Math.floor(this.renderedCursor / cols);
    let out = startRow > 0 ? `\x1b[${startRow}A` : '';
    out += `\r${this.prompt}${this.buffer}\x1b[J`;
    const end = this.offsetOf(this.buffer.length);
    if (end > 0 && end % cols === 0) out += ' \r';
    out += this.cursorMoves(end, this.offsetOf(this.cursor));
    this.write(out);
    this.renderedCursor = this.offsetOf(this.cursor);
  }
}
