// Character classes of regular expressions: bracket expressions (`[a-z]`, `[^0-9]`), the POSIX
// named classes (`[:alpha:]`) and the shorthands `\w \s \d` and their negations.

export class CharClass {
  ranges: i32[] = [];
  negated: bool = false;

  add(lo: i32, hi: i32): void {
    this.ranges.push(lo);
    this.ranges.push(hi);
  }

  has(c: i32, ignoreCase: bool): bool {
    let found = this.contains(c);
    if (!found && ignoreCase) found = this.contains(toLower(c)) || this.contains(toUpper(c));
    return found != this.negated;
  }

  private contains(c: i32): bool {
    for (let i = 0; i < this.ranges.length; i += 2) if (c >= this.ranges[i] && c <= this.ranges[i + 1]) return true;
    return false;
  }
}

export function toLower(c: i32): i32 {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

function toUpper(c: i32): i32 {
  return c >= 97 && c <= 122 ? c - 32 : c;
}

export function namedClass(name: string, cls: CharClass): bool {
  if (name == "alpha") { cls.add(65, 90); cls.add(97, 122); }
  else if (name == "digit") cls.add(48, 57);
  else if (name == "alnum") { cls.add(48, 57); cls.add(65, 90); cls.add(97, 122); }
  else if (name == "upper") cls.add(65, 90);
  else if (name == "lower") cls.add(97, 122);
  else if (name == "space") { cls.add(9, 13); cls.add(32, 32); }
  else if (name == "blank") { cls.add(9, 9); cls.add(32, 32); }
  else if (name == "punct") { cls.add(33, 47); cls.add(58, 64); cls.add(91, 96); cls.add(123, 126); }
  else if (name == "xdigit") { cls.add(48, 57); cls.add(65, 70); cls.add(97, 102); }
  else if (name == "print") cls.add(32, 126);
  else if (name == "graph") cls.add(33, 126);
  else if (name == "cntrl") { cls.add(0, 31); cls.add(127, 127); }
  else return false;
  return true;
}

export function shorthandClass(letter: i32): CharClass | null {
  const cls = new CharClass();
  const lower = toLower(letter);
  if (lower == 119) { namedClass("alnum", cls); cls.add(95, 95); }
  else if (lower == 115) namedClass("space", cls);
  else if (lower == 100) namedClass("digit", cls);
  else return null;
  cls.negated = letter != lower;
  return cls;
}
