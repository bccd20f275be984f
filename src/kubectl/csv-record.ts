// One record of comma-separated values as Go's encoding/csv reads it, which is how pflag splits
// a string-slice flag's value (`-f a.yaml,b.yaml`): fields split at commas, a field in double
// quotes may hold commas and doubled quotes, and an empty value is no field at all. Malformed
// quoting fails with Go's ParseError text. Upstream: github.com/spf13/pflag string_slice.go,
// Go's encoding/csv.

/** The fields of `text`; throws an Error with Go's message for a bare or unterminated quote. */
export function readCsvRecord(text: string): string[] {
  if (text === '') return [];
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    if (text[at] === '"') {
      let field = '';
      let i = at + 1;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error(`parse error on line 1, column ${text.length + 1}: extraneous or missing " in quoted-field`);
        field += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          i = quote + 2;
          continue;
        }
        if (quote + 1 < text.length && text[quote + 1] !== ',') throw new Error(`parse error on line 1, column ${quote + 1}: extraneous or missing " in quoted-field`);
        at = quote + 1;
        break;
      }
      fields.push(field);
    } else {
      const comma = text.indexOf(',', at);
      const field = text.slice(at, comma < 0 ? text.length : comma);
      const bare = field.indexOf('"');
      if (bare >= 0) throw new Error(`parse error on line 1, column ${at + bare + 1}: bare " in non-quoted-field`);
      fields.push(field);
      at = comma < 0 ? text.length : comma;
    }
    if (at >= text.length) return fields;
    at++;
    if (at === text.length) {
      fields.push('');
      return fields;
    }
  }
}
