// rev [FILE]...: prints each line with its characters in reverse order.

import { Context } from "../context";
import { linesOf, readInput } from "../input";

export function rev(ctx: Context): i32 {
  const files = ctx.args.length > 1 ? ctx.args.slice(1) : ["-"];
  let status = 0;
  for (let f = 0; f < files.length; f++) {
    const data = readInput(ctx, files[f], true);
    if (data === null) {
      status = 1;
      continue;
    }
    const lines = linesOf(data.toString());
    for (let i = 0; i < lines.length; i++) {
      let reversed = "";
      for (let k = lines[i].length - 1; k >= 0; k--) reversed += lines[i].charAt(k);
      ctx.out(reversed + "\n");
    }
  }
  return status;
}
