// The shell's command language: a line is a list of pipelines joined by `;`, `&&` and `||`;
// a pipeline is commands joined by `|`; a command is words with quotes ('…', "…"),
// backslash escapes, `$VAR`/`${VAR}` expansion, and redirections (`>`, `>>`, `<`, `<<EOF`).

export interface Redirection {
  kind: '>' | '>>' | '<' | '<<';
  /** The file, or for `<<` the heredoc delimiter. */
  target: string;
}

export interface SimpleCommand {
  words: string[];
  redirections: Redirection[];
}

export interface Pipeline {
  commands: SimpleCommand[];
  /** How this pipeline joins the one before it. */
  joiner: ';' | '&&' | '||';
}

export class SyntaxError extends Error {}

/**
 * Reads `text` as the shell reads quotes and backslashes, calling `plain` with the index of each
 * character outside quotes that no backslash escapes (it returns how many characters after it
 * to skip). Returns what is left open at the end: a quote character, a backslash, or nothing.
 */
function scanQuoting(text: string, plain: (index: number) => number = () => 0): string | undefined {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '\\') {
      if (i === text.length - 1) return c;
      i++;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else {
      i += plain(i);
    }
  }
  return quote;
}

/** Whether a line is incomplete (open quote, trailing backslash or pipe) and needs another. */
export function needsContinuation(text: string): boolean {
  if (scanQuoting(text)) return true;
  const trimmed = text.trimEnd();
  return trimmed.endsWith('|') || trimmed.endsWith('&&') || trimmed.endsWith('||');
}

const HEREDOC = /^<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/;

/**
 * Heredoc delimiters a line opens (`cat <<EOF`, `<<'EOF'`, `<<-EOF`), in order; a `<<` inside
 * quotes or after a backslash is text, not a heredoc.
 */
export function heredocDelimiters(line: string): string[] {
  const found: string[] = [];
  scanQuoting(line, (i) => {
    if (line[i] !== '<' || line[i + 1] !== '<') return 0;
    const match = HEREDOC.exec(line.slice(i));
    if (!match) return 1;
    found.push(match[2]);
    return match[0].length - 1;
  });
  return found;
}

/** What a line is among the lines of heredocs: a command, a heredoc's body, or its closing delimiter. */
export type HeredocPart = 'command' | 'body' | 'end';

/** Follows the heredocs that lines open, one line at a time, as the shell reads them. */
export class HeredocReader {
  private readonly open: string[] = [];

  /** Whether a heredoc is open, so the next line belongs to its body. */
  get inBody(): boolean {
    return this.open.length > 0;
  }

  read(line: string): HeredocPart {
    if (this.open.length === 0) {
      this.open.push(...heredocDelimiters(line));
      return 'command';
    }
    if (line.trim() !== this.open[0]) return 'body';
    this.open.shift();
    return 'end';
  }
}

function expandVariables(text: string, env: Record<string, string>): string {
  return text.replace(/\$(\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*)|\?)/g, (_m, _all, braced?: string, bare?: string) => {
    const name = braced ?? bare ?? '?';
    return env[name] ?? '';
  });
}

/** Stands for a `\$` inside double quotes until variables are expanded (a private-use character). */
const ESCAPED_DOLLAR = '\uE000';

/** Expands variables in double-quoted text, keeping escaped dollars literal. */
function expandDoubleQuoted(text: string, env: Record<string, string>): string {
  return expandVariables(text, env).replaceAll(ESCAPED_DOLLAR, '$');
}

/** Parses one logical line (heredoc bodies removed) into pipelines. */
export function parseLine(line: string, env: Record<string, string>): Pipeline[] {
  const pipelines: Pipeline[] = [];
  let commands: SimpleCommand[] = [];
  let words: string[] = [];
  let redirections: Redirection[] = [];
  let current = '';
  let hasWord = false;
  let pendingRedirect: Redirection['kind'] | undefined;
  let joiner: Pipeline['joiner'] = ';';

  const endWord = () => {
    if (!hasWord) return;
    if (pendingRedirect) {
      redirections.push({ kind: pendingRedirect, target: current });
      pendingRedirect = undefined;
    } else {
      words.push(current);
    }
    current = '';
    hasWord = false;
  };
  const endCommand = () => {
    endWord();
    if (pendingRedirect) throw new SyntaxError(`syntax error near unexpected token \`newline'`);
    if (words.length > 0 || redirections.length > 0) commands.push({ words, redirections });
    words = [];
    redirections = [];
  };
  const endPipeline = (next: Pipeline['joiner']) => {
    endCommand();
    if (commands.length > 0) pipelines.push({ commands, joiner });
    else if (next !== ';' || pipelines.length > 0) throw new SyntaxError(`syntax error near unexpected token \`${next}'`);
    commands = [];
    joiner = next;
  };

  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new SyntaxError('unexpected EOF while looking for matching `\'\'');
      current += line.slice(i + 1, end);
      hasWord = true;
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      let text = '';
      while (j < line.length && line[j] !== '"') {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1])) {
          text += line[j + 1] === '$' ? ESCAPED_DOLLAR : line[j + 1];
          j += 2;
        } else {
          text += line[j];
          j++;
        }
      }
      if (j >= line.length) throw new SyntaxError('unexpected EOF while looking for matching `"\'');
      current += expandDoubleQuoted(text, env);
      hasWord = true;
      i = j;
    } else if (c === '\\') {
      if (i + 1 < line.length) current += line[++i];
      hasWord = true;
    } else if (c === '$') {
      const match = /^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*|\?)/.exec(line.slice(i));
      if (match) {
        current += expandVariables(match[0], env);
        hasWord = true;
        i += match[0].length - 1;
      } else {
        current += c;
        hasWord = true;
      }
    } else if (c === ' ' || c === '\t') {
      endWord();
    } else if (c === '|' && line[i + 1] === '|') {
      endPipeline('||');
      i++;
    } else if (c === '&' && line[i + 1] === '&') {
      endPipeline('&&');
      i++;
    } else if (c === '|') {
      endCommand();
      if (commands.length === 0) throw new SyntaxError("syntax error near unexpected token `|'");
    } else if (c === ';') {
      endPipeline(';');
    } else if (c === '>' || c === '<') {
      endWord();
      if (c === '>' && line[i + 1] === '>') {
        pendingRedirect = '>>';
        i++;
      } else if (c === '<' && line[i + 1] === '<') {
        pendingRedirect = '<<';
        i++;
        if (line[i + 1] === '-') i++;
      } else {
        pendingRedirect = c;
      }
    } else if (c === '#' && !hasWord) {
      break;
    } else {
      current += c;
      hasWord = true;
    }
  }
  endPipeline(';');
  return pipelines;
}
