// busybox: one program, many applets. argv[0]'s basename picks the applet (`/bin/sh`,
// `/bin/echo`); called as `busybox`, the first argument does (`busybox ls`, `busybox --list`).
// Called as `bash` (Debian-based images map /bin/bash here), it is the shell with bash's prompt.

import { exit, args, basename } from "../lib/process";
import { buildAppletTable } from "./applets";
import { Context, setAppletTable } from "./context";
import { shellMain } from "./shell/main";

const USAGE = "BusyBox v1.36.1 (kubetab) multi-call binary.\n\nUsage: busybox [function [arguments]...]\n   or: busybox --list\n   or: function [arguments]...\n";

function main(): i32 {
  const table = buildAppletTable();
  setAppletTable(table);
  let argv = args();
  if (argv.length == 0) argv = ["sh"];
  argv[0] = basename(argv[0]);
  if (argv[0] == "busybox") {
    if (argv.length < 2 || argv[1] == "--help") {
      const ctx = Context.forProcess(argv);
      ctx.out(USAGE);
      return argv.length < 2 ? 1 : 0;
    }
    if (argv[1] == "--list") {
      const names = table.names();
      Context.forProcess(argv).out(names.join("\n") + "\n");
      return 0;
    }
    argv = argv.slice(1);
    argv[0] = basename(argv[0]);
  }
  if (argv[0] == "bash") return shellMain(Context.forProcess(argv));
  return table.run(Context.forProcess(argv));
}

exit(main());
