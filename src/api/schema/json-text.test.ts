import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseJsonText } from './json-text';

function syntaxError(text: string): string {
  try {
    parseJsonText(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error.message;
    throw error;
  }
  throw new Error('parsed');
}

describe('parseJsonText', () => {
  it('parses what JSON.parse parses', () => {
    const text = '{"a":[1,2.5,-3e2,true,false,null,"x\\n\\u00e9"],"b":{}}';
    expect(parseJsonText(text).value).toEqual(JSON.parse(text));
  });

  it.each([
    ['', 'unexpected end of JSON input'],
    ['{', 'unexpected end of JSON input'],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b":2}', `invalid character '"' after object key:value pair`],
    ['{a:1}', "invalid character 'a' looking for beginning of object key string"],
    ['[1,]', "invalid character ']' looking for beginning of value"],
    ['[1 2]', "invalid character '2' after array element"],
    ['{}x', "invalid character 'x' after top-level value"],
    ['tru', 'unexpected end of JSON input'],
    ['trux', "invalid character 'x' in literal true (expecting 'e')"],
    ['"\u0001"', "invalid character '\\x01' in string literal"],
    ['"\\q"', "invalid character 'q' in string escape code"],
    ['01', "invalid character '1' after top-level value"],
  ])('%j fails as Go does: %s', (text, message) => {
    expect(syntaxError(text)).toBe(message);
  });

  it('records duplicate keys per object and the literal of non-integer numbers', () => {
    const parsed = parseJsonText('{"a":1,"b":{"c":1.0,"c":2},"a":3,"n":[1e2]}');
    const root = parsed.value as { b: object; n: object };
    expect(parsed.duplicates.get(root)).toEqual(['a']);
    expect(parsed.duplicates.get(root.b)).toEqual(['c']);
    expect(parsed.fractions.get(root.b)?.get('c')).toBe('1.0');
    expect(parsed.fractions.get(root.n)?.get('0')).toBe('1e2');
  });

  it('keeps a __proto__ key as data', () => {
    const value = parseJsonText('{"__proto__":{"x":1}}').value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
