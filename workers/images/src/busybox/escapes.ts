// Backslash escapes as `echo -e`, `printf` formats and `printf %b` read them.

export class Unescaped {
  text: string = "";
  /** `\c` was met: output stops here. */
  stop: bool = false;
}

function hexValue(c: i32): i32 {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Interprets escapes; `zeroPrefixedOctal` reads `\0NNN` (echo, %b) rather than `\NNN` (formats). */
export function unescape(text: string, zeroPrefixedOctal: bool): Unescaped {
  const result = new Unescaped();
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c != 92 || i + 1 >= text.length) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    const e = text.charCodeAt(i + 1);
    i += 2;
    switch (e) {
      case 92: out += "\\"; break;
      case 97: out += "\x07"; break;
      case 98: out += "\b"; break;
      case 101: out += "\x1b"; break;
      case 102: out += "\f"; break;
      case 110: out += "\n"; break;
      case 114: out += "\r"; break;
      case 116: out += "\t"; break;
      case 118: out += "\v"; break;
      case 34: out += "\""; break;
      case 99:
        result.text = out;
        result.stop = true;
        return result;
      case 120: {
        let value = 0;
        let digits = 0;
        while (digits < 2 && i < text.length && hexValue(text.charCodeAt(i)) >= 0) {
          value = value * 16 + hexValue(text.charCodeAt(i++));
          digits++;
        }
        out += digits == 0 ? "\\x" : String.fromCharCode(value);
        break;
      }
      default: {
        const octalStart = e >= 48 && e <= 55;
        if (octalStart && (!zeroPrefixedOctal || e == 48)) {
          let value = zeroPrefixedOctal ? 0 : e - 48;
          let digits = 0;
          while (digits < 3 && i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 55) {
            value = value * 8 + (text.charCodeAt(i++) - 48);
            digits++;
          }
          out += String.fromCharCode(value & 255);
        } else {
          out += "\\" + String.fromCharCode(e);
        }
      }
    }
  }
  result.text = out;
  return result;
}
