// Perl's builtin functions of one argument (length, uc, int, sqrt...) and its truth values.

import { Value } from "./value";

export const UNARY_FUNCTIONS: string[] = ["length", "uc", "lc", "ucfirst", "lcfirst", "abs", "int", "sqrt", "sin", "cos", "exp", "log", "hex", "oct", "chr", "ord", "defined"];

/** Perl's true (1) and false (the empty string). */
export function truth(value: bool): Value {
  return value ? Value.number(1) : Value.text("");
}

export function unaryFunction(name: string, arg: Value): Value {
  const s = arg.toString();
  const n = arg.toNumber();
  if (name == "length") return Value.number(s.length);
  if (name == "uc") return Value.text(s.toUpperCase());
  if (name == "lc") return Value.text(s.toLowerCase());
  if (name == "ucfirst") return Value.text(s.substring(0, 1).toUpperCase() + s.substring(1));
  if (name == "lcfirst") return Value.text(s.substring(0, 1).toLowerCase() + s.substring(1));
  if (name == "abs") return Value.number(Math.abs(n));
  if (name == "int") return Value.number(n < 0 ? Math.ceil(n) : Math.floor(n));
  if (name == "sqrt") return Value.number(Math.sqrt(n));
  if (name == "sin") return Value.number(Math.sin(n));
  if (name == "cos") return Value.number(Math.cos(n));
  if (name == "exp") return Value.number(Math.exp(n));
  if (name == "log") return Value.number(Math.log(n));
  if (name == "hex") return Value.number(f64(I64.parseInt(s.startsWith("0x") ? s.substring(2) : s, 16)));
  if (name == "oct") return Value.number(f64(I64.parseInt(s, 8)));
  if (name == "chr") return Value.text(String.fromCharCode(i32(n)));
  if (name == "ord") return Value.number(s.length > 0 ? s.charCodeAt(0) : 0);
  return truth(arg.isNumber || arg.str.length > 0);
}
