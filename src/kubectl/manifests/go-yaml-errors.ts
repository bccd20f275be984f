// How kubectl reports a YAML document it cannot parse: in go-yaml's words and at go-yaml's line,
// worked out from the error the `yaml` library found in the same place. go-yaml (a port of
// libyaml) counts lines from the start of each document; for a scanner error it names the
// line where scanning stopped, for a parser error the line before the token it could not take
// (its problem mark is 0-based and printed as is; at the end of the text the scanner first moves
// to a new line), and a first-line problem gets no line at all.
// Mistakes this table does not know keep the library's own words. Upstream: go-yaml v2
// (yaml.go fail, scannerc.go, parserc.go), as sigs.k8s.io/yaml uses it.

import type { YAMLError } from 'yaml';

/** Where go-yaml's line is, from the library's error position. */
type LineRule = 'same' | 'before' | 'next' | 'colon';

interface Rule {
  code: YAMLError['code'];
  pattern: RegExp;
  message: string | ((text: string, offset: number) => string);
  line: LineRule;
}

const EXPECTED_KEY = 'did not find expected key';

/** What a flow collection that is not closed waits for: a node after `[`, `{` or `,`, else its comma or closer. */
function flowExpectation(text: string, offset: number): string {
  let open = '';
  let quote = '';
  let last = '';
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') open += c;
    else if ((c === ']' || c === '}') && open) open = open.slice(0, -1);
    if (!/\s/.test(c)) last = c;
  }
  if (last === '[' || last === '{' || last === ',') return 'did not find expected node content';
  return open.endsWith('{') ? "did not find expected ',' or '}'" : "did not find expected ',' or ']'";
}

const RULES: readonly Rule[] = [
  { code: 'TAB_AS_INDENT', pattern: /^/, message: 'found character that cannot start any token', line: 'same' },
  { code: 'MISSING_CHAR', pattern: /^Missing closing ["']quote/, message: 'found unexpected end of stream', line: 'same' },
  { code: 'BAD_INDENT', pattern: /^All mapping items must start at the same column/, message: EXPECTED_KEY, line: 'before' },
  { code: 'MISSING_CHAR', pattern: /^Sequence item without - indicator/, message: EXPECTED_KEY, line: 'before' },
  { code: 'BLOCK_AS_IMPLICIT_KEY', pattern: /^A block sequence may not be used as an implicit map key/, message: EXPECTED_KEY, line: 'before' },
  { code: 'BAD_INDENT', pattern: /^Flow (sequence|map) in block collection/, message: flowExpectation, line: 'before' },
  { code: 'MISSING_CHAR', pattern: /^Missing , or : between flow (sequence|map) items/, message: flowExpectation, line: 'before' },
  { code: 'BLOCK_IN_FLOW', pattern: /^Block collections are not allowed within flow collections/, message: flowExpectation, line: 'before' },
  { code: 'BLOCK_AS_IMPLICIT_KEY', pattern: /^Nested mappings are not allowed in compact mappings/, message: 'mapping values are not allowed in this context', line: 'colon' },
  { code: 'MISSING_CHAR', pattern: /^Implicit map keys need to be followed by map values/, message: "could not find expected ':'", line: 'next' },
  { code: 'MULTILINE_IMPLICIT_KEY', pattern: /^Implicit keys need to be on a single line/, message: "could not find expected ':'", line: 'next' },
];

/** The 1-based line of `offset` counted from the start of its document (documents split at `---` lines). */
function documentLine(text: string, offset: number): number {
  const lines = text.slice(0, offset).split('\n');
  let start = 0;
  for (let i = 0; i < lines.length - 1; i++) if (lines[i].startsWith('---')) start = i + 1;
  return lines.length - start;
}

function goLine(rule: LineRule | undefined, text: string, offset: number): number {
  switch (rule) {
    case 'before':
      // At the end of text without a final newline, the scanner has moved to a new line itself.
      return documentLine(text, offset) - (offset >= text.length && !text.endsWith('\n') ? 0 : 1);
    case 'next':
      return documentLine(text, offset) + 1;
    case 'colon': {
      const colon = /:(\s|$)/.exec(text.slice(offset));
      return documentLine(text, colon ? offset + colon.index : offset);
    }
    default:
      return documentLine(text, offset);
  }
}

/** kubectl's words for a document of `text` that the library failed on with `error`: `yaml: line 4: did not find expected key`. */
export function goYamlError(text: string, error: YAMLError): string {
  const firstLine = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const rule = RULES.find((r) => r.code === error.code && r.pattern.test(firstLine));
  const offset = error.pos[0];
  const message = !rule ? firstLine : typeof rule.message === 'string' ? rule.message : rule.message(text, offset);
  const line = goLine(rule?.line, text, offset);
  return line > 0 ? `yaml: line ${line}: ${message}` : `yaml: ${message}`;
}
