// Word wrapping as kubectl explain does it (github.com/mitchellh/go-wordwrap via kubectl's
// term.WordWrapWriter): lines break at spaces before they pass the limit, existing line breaks
// stay, and words longer than the limit are not split. Also sprig-style `indent`.

function isSpace(c: string): boolean {
  return c !== '\u00a0' && /\s/.test(c);
}

export function wrapWords(text: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  for (const c of text) {
    if (c === '\n') {
      if (word === '') {
        if (current + space.length <= limit) out += space;
      } else {
        out += space + word;
        word = '';
      }
      space = '';
      out += c;
      current = 0;
    } else if (isSpace(c)) {
      if (space === '' || word !== '') {
        current += space.length + word.length;
        out += space + word;
        space = '';
        word = '';
      }
      space += c;
    } else {
      word += c;
      if (current + space.length + word.length > limit && word.length < limit) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word === '') {
    if (current + space.length <= limit) out += space;
  } else out += space + word;
  return out;
}

/** Pads the first line and every line after a newline (also an empty last one). */
export function indent(text: string, amount: number): string {
  const pad = ' '.repeat(amount);
  return pad + text.split('\n').join(`\n${pad}`);
}
