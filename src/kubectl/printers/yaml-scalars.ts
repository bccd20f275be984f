// How go-yaml v2 (kubectl's YAML encoder) chooses to write a string in block context: plain when it would read
// back as the same string, else single-quoted, else double-quoted; literal blocks for
// multi-line text. Upstream facts: go-yaml v2 encode.go (stringv), resolve.go and
// emitterc.go (yaml_emitter_analyze_scalar, yaml_emitter_select_scalar_style).

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const BOOLS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF']);
const FLOAT_SPECIALS = new Set(['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '.nan', '.NaN', '.NAN']);
const INT = /^[-+]?(0|[1-9][0-9_]*)$|^[-+]?0b[01_]+$|^[-+]?0[0-7_]+$|^[-+]?0x[0-9a-fA-F_]+$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::?\d{2})?))?)?$/;

/** Whether a plain scalar with this text would read back as something other than a string. */
function resolvesToNonString(text: string): boolean {
  if (NULLS.has(text) || BOOLS.has(text) || FLOAT_SPECIALS.has(text) || text === '<<') return true;
  if (INT.test(text) || FLOAT.test(text) || BASE60.test(text)) return true;
  return TIMESTAMP.test(text) && isValidTimestamp(text);
}

function isValidTimestamp(text: string): boolean {
  const date = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (!date) return false;
  const month = Number(date[2]);
  const day = Number(date[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

export interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isBreak = (c: string) => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isSpace = (c: string) => c === ' ';
const isBlank = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || (c !== undefined && isBreak(c));

function isPrintable(c: string): boolean {
  const code = c.codePointAt(0) ?? 0;
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    code === 0x85 ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

export function analyzeScalar(text: string): ScalarAnalysis {
  const chars = [...text];
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let precededByWhitespace = true;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let lineBreaks = false;
  let special = false;
  chars.forEach((c, i) => {
    const followedByWhitespace = isBlank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      else if ((c === '?' || c === ':' || c === '-') && followedByWhitespace) blockIndicators = true;
    } else if (c === ':' && followedByWhitespace) {
      blockIndicators = true;
    } else if (c === '#' && precededByWhitespace) {
      blockIndicators = true;
    }
    if (!isPrintable(c)) special = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(c);
  });
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks) blockPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

/** The style go-yaml uses for a string value (`simpleKey` for mapping keys). */
export function stringStyle(text: string, simpleKey: boolean): ScalarStyle {
  const analysis = analyzeScalar(text);
  let style: ScalarStyle;
  if (text.includes('\n')) style = 'literal';
  else if (!resolvesToNonString(text) && !BASE60.test(text)) style = 'plain';
  else style = 'double';
  if (style === 'plain') {
    if (!analysis.blockPlainAllowed) style = 'single';
    if (text.length === 0 && simpleKey) style = 'single';
  }
  if (style === 'single' && !analysis.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!analysis.blockAllowed || simpleKey)) style = 'double';
  return style;
}
