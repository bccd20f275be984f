// Text flowing between the commands of a pipeline: what one writes, the next reads, chunk by
// chunk or all at once, until the writer closes it.

export interface TextInput {
  /** The next chunk, or null once the writer has closed. */
  read(): Promise<string | null>;
  /** Everything until the writer closes. */
  readAll(): Promise<string>;
}

export class TextPipe implements TextInput {
  private chunks: string[] = [];
  private closed = false;
  private waiter?: () => void;

  write(text: string): void {
    if (this.closed || text === '') return;
    this.chunks.push(text);
    this.wake();
  }

  close(): void {
    this.closed = true;
    this.wake();
  }

  async read(): Promise<string | null> {
    while (this.chunks.length === 0) {
      if (this.closed) return null;
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
    return this.chunks.shift() as string;
  }

  async readAll(): Promise<string> {
    let text = '';
    for (let chunk = await this.read(); chunk !== null; chunk = await this.read()) text += chunk;
    return text;
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }
}

/** Input that is a fixed text (a file, a heredoc) or nothing. */
export function fixedInput(text: string): TextInput {
  const pipe = new TextPipe();
  pipe.write(text);
  pipe.close();
  return pipe;
}
