// perl: the command-line switches of one-liners (-e, -E, -l, -w, -M, -v, -c) in front of the
// small interpreter in interp.ts; enough for the Kubernetes docs' pi Job,
// `perl -Mbignum=bpi -wle "print bpi(2000)"`.

import { listDirectory, readFile } from "../lib/fs";
import { print, printErr } from "../lib/io";
import { args, exit } from "../lib/process";
import { Perl } from "./interp";

/** The version of the image: the directory under /usr/local/lib/perl5 named for it. */
function perlVersion(): string {
  const entries = listDirectory("/usr/local/lib/perl5");
  if (entries !== null) {
    for (let i = 0; i < entries.length; i++) {
      const name = entries[i].name;
      if (name.startsWith("5.") && name.split(".").length == 3) return name;
    }
  }
  return "5.40.0";
}

function versionText(): string {
  const v = perlVersion();
  const parts = v.split(".");
  return "\nThis is perl 5, version " + parts[1] + ", subversion " + parts[2] + " (v" + v + ") built for x86_64-linux-gnu\n\n" +
    "Copyright 1987-2024, Larry Wall\n\nPerl may be copied only under the terms of either the Artistic License or the\n" +
    "GNU General Public License, which may be found in the Perl 5 source kit.\n\nComplete documentation for Perl, including FAQ lists, should be found on\n" +
    "this system using \"man perl\" or \"perldoc perl\".  If you have access to the\nInternet, point your browser at https://www.perl.org/, the Perl Home Page.\n\n";
}

function main(): i32 {
  const argv = args();
  const perl = new Perl();
  let code: string | null = null;
  let checkOnly = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg == "--") {
      i++;
      break;
    }
    if (!arg.startsWith("-") || arg.length < 2) break;
    let k = 1;
    while (k < arg.length) {
      const flag = arg.charAt(k++);
      if (flag == "w" || flag == "W" || flag == "X" || flag == "s" || flag == "T" || flag == "t") continue;
      if (flag == "l") {
        perl.outputRecordSeparator = "\n";
        while (k < arg.length && arg.charCodeAt(k) >= 48 && arg.charCodeAt(k) <= 55) k++;
        continue;
      }
      if (flag == "c") {
        checkOnly = true;
        continue;
      }
      if (flag == "v") {
        print(versionText());
        return 0;
      }
      if (flag == "e" || flag == "E" || flag == "M" || flag == "m") {
        const value = k < arg.length ? arg.substring(k) : i + 1 < argv.length ? argv[++i] : "";
        k = arg.length;
        if (flag == "e" || flag == "E") {
          code = code === null ? value : code + "\n" + value;
          if (flag == "E") perl.sayEnabled = true;
        } else {
          const eq = value.indexOf("=");
          const module = eq < 0 ? value : value.substring(0, eq);
          const imports = eq < 0 ? new Array<string>() : value.substring(eq + 1).split(",");
          if (!perl.importModule(module, imports)) return 2;
        }
        continue;
      }
      printErr("Unrecognized switch: -" + flag + "  (-h will show valid options).\n");
      return 29;
    }
  }
  if (code === null) {
    if (i >= argv.length) {
      printErr("kubetab perl: give the program with -e (reading a program from stdin is not supported)\n");
      return 255;
    }
    const text = readFile(argv[i]);
    if (text === null) {
      printErr("Can't open perl script \"" + argv[i] + "\": No such file or directory\n");
      return 2;
    }
    perl.source = argv[i];
    code = text;
  }
  if (checkOnly) {
    printErr(perl.source + " syntax OK\n");
    return 0;
  }
  return perl.run(<string>code);
}

exit(main());
