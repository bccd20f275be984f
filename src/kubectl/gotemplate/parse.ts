// Parses Go text/template source (as kubectl's -o go-template takes it) into a tree: text,
// actions with pipelines of commands (fields, variables, literals, function calls, nested
// pipelines), variable declarations, and if / range / with blocks with else branches;
// `{{-` and `-}}` trim the neighbouring space. Upstream: Go's text/template/parse.

export class TemplateParseError extends Error {}

export type Arg =
  | { kind: 'field'; base: 'dot' | 'var'; name?: string; path: string[] }
  | { kind: 'literal'; value: unknown }
  | { kind: 'identifier'; name: string }
  | { kind: 'pipeline'; pipeline: Pipeline };

export interface Command {
  args: Arg[];
}

export interface Pipeline {
  declarations: string[];
  assign: boolean;
  commands: Command[];
}

export type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipeline: Pipeline }
  | { kind: 'if' | 'with' | 'range'; pipeline: Pipeline; body: Node[]; otherwise: Node[] };

interface RawAction {
  source: string;
}

type Piece = { text: string } | RawAction;

function split(template: string): Piece[] {
  const pieces: Piece[] = [];
  let pos = 0;
  while (pos < template.length) {
    const open = template.indexOf('{{', pos);
    if (open < 0) {
      pieces.push({ text: template.slice(pos) });
      break;
    }
    let text = template.slice(pos, open);
    let start = open + 2;
    if (template[start] === '-' && /\s/.test(template[start + 1] ?? '')) {
      text = text.replace(/\s+$/, '');
      start += 1;
    }
    if (text) pieces.push({ text });
    let close = start;
    let quote = '';
    for (; close < template.length; close++) {
      const c = template[close];
      if (quote) {
        if (c === '\\' && quote === '"') close++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === '`' || c === "'") quote = c;
      else if (template.startsWith('}}', close)) break;
    }
    if (close >= template.length) throw new TemplateParseError('unclosed action');
    let source = template.slice(start, close);
    pos = close + 2;
    if (/\s-$/.test(source)) {
      source = source.slice(0, -1);
      const rest = /^\s*/.exec(template.slice(pos));
      pos += rest ? rest[0].length : 0;
    }
    pieces.push({ source: source.trim() });
  }
  return pieces;
}

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  let pos = 0;
  while (pos < source.length) {
    const c = source[pos];
    if (/\s/.test(c)) {
      pos++;
      continue;
    }
    if (c === '"' || c === '`' || c === "'") {
      let end = pos + 1;
      while (end < source.length && source[end] !== c) end += source[end] === '\\' && c !== '`' ? 2 : 1;
      if (end >= source.length) throw new TemplateParseError('unterminated quoted string');
      tokens.push(source.slice(pos, end + 1));
      pos = end + 1;
      continue;
    }
    if (c === '(' || c === ')' || c === '|' || c === ',') {
      tokens.push(c);
      pos++;
      continue;
    }
    if (source.startsWith(':=', pos)) {
      tokens.push(':=');
      pos += 2;
      continue;
    }
    const word = /^[^\s()|,]+/.exec(source.slice(pos));
    const text = word ? word[0] : c;
    if (text === '=') {
      tokens.push('=');
      pos++;
      continue;
    }
    tokens.push(text);
    pos += text.length;
  }
  return tokens;
}

function literal(token: string): Arg | undefined {
  if (token.startsWith('"')) return { kind: 'literal', value: JSON.parse(token) };
  if (token.startsWith('`')) return { kind: 'literal', value: token.slice(1, -1) };
  if (token.startsWith("'")) return { kind: 'literal', value: JSON.parse(`"${token.slice(1, -1)}"`).codePointAt(0) };
  if (token === 'true' || token === 'false') return { kind: 'literal', value: token === 'true' };
  if (token === 'nil') return { kind: 'literal', value: null };
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(token) || /^0x[0-9a-f]+$/i.test(token)) return { kind: 'literal', value: Number(token) };
  return undefined;
}

function fieldPath(text: string): string[] {
  return text.split('.').filter((part) => part !== '');
}

class PipelineParser {
  pos = 0;
  constructor(private readonly tokens: string[]) {}

  parse(): Pipeline {
    const pipeline = this.pipeline();
    if (this.pos < this.tokens.length) throw new TemplateParseError(`unexpected "${this.tokens[this.pos]}" in command`);
    return pipeline;
  }

  private pipeline(): Pipeline {
    const declarations: string[] = [];
    let assign = false;
    const declEnd = this.tokens.findIndex((t, i) => i >= this.pos && (t === ':=' || t === '='));
    if (declEnd > this.pos && this.tokens.slice(this.pos, declEnd).every((t) => t.startsWith('$') || t === ',')) {
      declarations.push(...this.tokens.slice(this.pos, declEnd).filter((t) => t !== ','));
      assign = this.tokens[declEnd] === '=';
      this.pos = declEnd + 1;
    }
    const commands: Command[] = [];
    for (;;) {
      commands.push(this.command());
      if (this.tokens[this.pos] !== '|') break;
      this.pos++;
    }
    return { declarations, assign, commands };
  }

  private command(): Command {
    const args: Arg[] = [];
    while (this.pos < this.tokens.length && this.tokens[this.pos] !== '|' && this.tokens[this.pos] !== ')') args.push(this.operand());
    if (args.length === 0) throw new TemplateParseError('missing value for command');
    return { args };
  }

  private operand(): Arg {
    const token = this.tokens[this.pos++];
    if (token === '(') {
      const pipeline = this.pipeline();
      if (this.tokens[this.pos++] !== ')') throw new TemplateParseError('unclosed left paren');
      const next = this.tokens[this.pos];
      if (next?.startsWith('.')) {
        this.pos++;
        return { kind: 'pipeline', pipeline: { declarations: [], assign: false, commands: [{ args: [{ kind: 'pipeline', pipeline }, { kind: 'identifier', name: `.${next}` }] }] } };
      }
      return { kind: 'pipeline', pipeline };
    }
    const lit = literal(token);
    if (lit) return lit;
    if (token.startsWith('.')) return { kind: 'field', base: 'dot', path: fieldPath(token) };
    if (token.startsWith('$')) {
      const dot = token.indexOf('.');
      return { kind: 'field', base: 'var', name: dot < 0 ? token : token.slice(0, dot), path: dot < 0 ? [] : fieldPath(token.slice(dot)) };
    }
    if (/^[A-Za-z_]\w*$/.test(token)) return { kind: 'identifier', name: token };
    throw new TemplateParseError(`unexpected "${token}" in operand`);
  }
}

function parsePipeline(source: string): Pipeline {
  return new PipelineParser(tokenize(source)).parse();
}

/** Parses a whole template. */
export function parseGoTemplate(template: string): Node[] {
  const pieces = split(template);
  let pos = 0;
  const block = (stops: string[]): { nodes: Node[]; stop: string; rest: string } => {
    const nodes: Node[] = [];
    while (pos < pieces.length) {
      const piece = pieces[pos++];
      if ('text' in piece) {
        nodes.push({ kind: 'text', text: piece.text });
        continue;
      }
      const source = piece.source;
      if (source.startsWith('/*')) continue;
      const keyword = /^(if|range|with|else|end)\b\s*(.*)$/s.exec(source);
      if (!keyword) {
        nodes.push({ kind: 'action', pipeline: parsePipeline(source) });
        continue;
      }
      const [, word, rest] = keyword;
      if (word === 'end' || word === 'else') {
        if (!stops.includes(word)) throw new TemplateParseError(`unexpected {{${word}}}`);
        return { nodes, stop: word, rest };
      }
      nodes.push(control(word as 'if' | 'range' | 'with', rest));
    }
    if (stops.length > 0) throw new TemplateParseError('unexpected EOF');
    return { nodes, stop: '', rest: '' };
  };
  const control = (word: 'if' | 'range' | 'with', source: string): Node => {
    const pipeline = parsePipeline(source);
    const body = block(['else', 'end']);
    let otherwise: Node[] = [];
    if (body.stop === 'else') {
      const chained = /^(if|with)\b\s*(.*)$/s.exec(body.rest);
      if (chained) otherwise = [control(chained[1] as 'if' | 'with', chained[2])];
      else otherwise = block(['end']).nodes;
    }
    return { kind: word, pipeline, body: body.nodes, otherwise };
  };
  return block([]).nodes;
}
