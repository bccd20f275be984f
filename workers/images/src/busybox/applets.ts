// The applet table of the multi-call binary: every name busybox answers to here.

import { Applet, AppletTable, Context } from "./context";
import { awk } from "./applets/awk/main";
import { date } from "./applets/date";
import { cat, cp, mkdir, mv, pwd, rm, touch, basename, dirname } from "./applets/files";
import { grep } from "./applets/grep";
import { head, tail } from "./applets/headtail";
import { ls } from "./applets/ls";
import { nslookup, wget } from "./applets/net";
import { echo, falseApplet, trueApplet, yes } from "./applets/output";
import { printf } from "./applets/printf";
import { env, hostname, id, printenv, ps, sleep, uname, which, whoami } from "./applets/system";
import { kill } from "./applets/kill";
import { rev } from "./applets/rev";
import { sed } from "./applets/sed";
import { bracket, doubleBracket, test } from "./applets/test";
import { xargs } from "./applets/xargs";
import { cut, seq, sort, tee, tr, uniq, wc } from "./applets/text";
import { shellMain } from "./shell/main";

class Table extends AppletTable {
  entries: Map<string, Applet> = new Map<string, Applet>();

  add(name: string, applet: Applet): void {
    this.entries.set(name, applet);
  }

  has(name: string): bool {
    return this.entries.has(name);
  }

  run(ctx: Context): i32 {
    if (!this.entries.has(ctx.args[0])) {
      ctx.stderr.write(ctx.args[0] + ": applet not found\n");
      return 127;
    }
    const applet = this.entries.get(ctx.args[0]);
    return applet(ctx);
  }

  names(): string[] {
    const names = this.entries.keys();
    names.sort((a: string, b: string): i32 => (a < b ? -1 : a > b ? 1 : 0));
    return names;
  }
}

/** Builds the table (busybox's applets, sh and ash included). */
export function buildAppletTable(): AppletTable {
  const table = new Table();
  table.add("[", bracket);
  table.add("[[", doubleBracket);
  table.add("ash", shellMain);
  table.add("awk", awk);
  table.add("basename", basename);
  table.add("cat", cat);
  table.add("cp", cp);
  table.add("cut", cut);
  table.add("date", date);
  table.add("dirname", dirname);
  table.add("echo", echo);
  table.add("env", env);
  table.add("false", falseApplet);
  table.add("grep", grep);
  table.add("head", head);
  table.add("hostname", hostname);
  table.add("id", id);
  table.add("kill", kill);
  table.add("ls", ls);
  table.add("mkdir", mkdir);
  table.add("mv", mv);
  table.add("nslookup", nslookup);
  table.add("printenv", printenv);
  table.add("printf", printf);
  table.add("ps", ps);
  table.add("pwd", pwd);
  table.add("rev", rev);
  table.add("rm", rm);
  table.add("sed", sed);
  table.add("seq", seq);
  table.add("sh", shellMain);
  table.add("sleep", sleep);
  table.add("sort", sort);
  table.add("tail", tail);
  table.add("tee", tee);
  table.add("test", test);
  table.add("touch", touch);
  table.add("tr", tr);
  table.add("true", trueApplet);
  table.add("uname", uname);
  table.add("uniq", uniq);
  table.add("wc", wc);
  table.add("wget", wget);
  table.add("which", which);
  table.add("xargs", xargs);
  table.add("whoami", whoami);
  table.add("yes", yes);
  return table;
}
