// awk's variables, arrays and the current record: $0, its fields split by FS, NF kept in step
// (assigning a field rebuilds $0 with OFS; assigning NF cuts or extends the fields).

import { Regex } from "../../regex";
import { Cell } from "./values";

export class Record {
  vars: Map<string, Cell> = new Map<string, Cell>();
  arrays: Map<string, Map<string, Cell>> = new Map<string, Map<string, Cell>>();
  text: string = "";
  fields: string[] = [];
  private splitter: Regex | null = null;
  private splitterSource: string = "";

  constructor() {
    this.vars.set("FS", Cell.string(" "));
    this.vars.set("OFS", Cell.string(" "));
    this.vars.set("ORS", Cell.string("\n"));
    this.vars.set("RS", Cell.string("\n"));
    this.vars.set("SUBSEP", Cell.string("\x1c"));
    this.vars.set("NR", Cell.number(0));
    this.vars.set("FNR", Cell.number(0));
    this.vars.set("NF", Cell.number(0));
    this.vars.set("RSTART", Cell.number(0));
    this.vars.set("RLENGTH", Cell.number(-1));
    this.vars.set("CONVFMT", Cell.string("%.6g"));
    this.vars.set("OFMT", Cell.string("%.6g"));
  }

  get(name: string): Cell {
    if (this.vars.has(name)) return this.vars.get(name);
    return Cell.unset();
  }

  textOf(name: string): string {
    return this.get(name).toText();
  }

  set(name: string, value: Cell): void {
    this.vars.set(name, value);
    if (name == "NF") this.resize(i32(value.toNumber()));
  }

  isArray(name: string): bool {
    return this.arrays.has(name);
  }

  array(name: string): Map<string, Cell> {
    if (!this.arrays.has(name)) this.arrays.set(name, new Map<string, Cell>());
    return this.arrays.get(name);
  }

  /** A new record ($0): split into fields by FS. */
  setRecord(text: string): void {
    this.text = text;
    this.fields = this.split(text, this.textOf("FS"));
    this.vars.set("NF", Cell.number(this.fields.length));
  }

  field(index: i32): Cell {
    if (index == 0) return Cell.input(this.text);
    return index <= this.fields.length ? Cell.input(this.fields[index - 1]) : Cell.unset();
  }

  setField(index: i32, value: string): void {
    if (index == 0) {
      this.setRecord(value);
      return;
    }
    while (this.fields.length < index) this.fields.push("");
    this.fields[index - 1] = value;
    this.rebuild();
  }

  resize(count: i32): void {
    while (this.fields.length < count) this.fields.push("");
    if (this.fields.length > count) this.fields = this.fields.slice(0, max(count, 0));
    this.rebuild();
  }

  rebuild(): void {
    this.text = this.fields.join(this.textOf("OFS"));
    this.vars.set("NF", Cell.number(this.fields.length));
  }

  /** Splits the way FS says: " " on runs of blanks, one other character literally, else a regex. */
  split(text: string, separator: string): string[] {
    const out = new Array<string>();
    if (separator == " ") {
      let word = "";
      for (let i = 0; i < text.length; i++) {
        const c = text.charAt(i);
        if (c == " " || c == "\t" || c == "\n") {
          if (word.length > 0) out.push(word);
          word = "";
        } else word += c;
      }
      if (word.length > 0) out.push(word);
      return out;
    }
    if (text.length == 0) return out;
    if (separator.length == 0) {
      for (let i = 0; i < text.length; i++) out.push(text.charAt(i));
      return out;
    }
    if (separator.length == 1 && separator != "\\") return text.split(separator);
    if (this.splitter === null || this.splitterSource != separator) {
      this.splitter = new Regex(separator, true);
      this.splitterSource = separator;
    }
    const regex = <Regex>this.splitter;
    let from = 0;
    let searchFrom = 0;
    while (searchFrom <= text.length) {
      const found = regex.find(text, searchFrom);
      if (found === null || found.end == found.start) break;
      out.push(text.substring(from, found.start));
      from = found.end;
      searchFrom = found.end;
    }
    out.push(text.substring(from));
    return out;
  }
}
