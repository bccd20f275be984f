// date [-uR] [-I[SPEC]] [-d @SECONDS] [+FORMAT]: the cluster clock in UTC (containers have no
// TZ), formatted with strftime's conversions.

import { CivilTime, MONTH_NAMES, MONTHS, nowSeconds, pad2, WEEKDAY_NAMES, WEEKDAYS } from "../../lib/time";
import { isInteger, parseInteger } from "../../lib/text";
import { Context } from "../context";

function pad3(n: i32): string {
  return n.toString().padStart(3, "0");
}

/** strftime for the conversions scripts use; the zone is always UTC. */
export function strftime(format: string, t: CivilTime): string {
  let out = "";
  for (let i = 0; i < format.length; i++) {
    const c = format.charAt(i);
    if (c != "%" || i + 1 >= format.length) {
      out += c;
      continue;
    }
    const k = format.charAt(++i);
    if (k == "Y") out += t.year.toString();
    else if (k == "C") out += pad2(t.year / 100);
    else if (k == "y") out += pad2(t.year % 100);
    else if (k == "m") out += pad2(t.month);
    else if (k == "d") out += pad2(t.day);
    else if (k == "e") out += t.day.toString().padStart(2, " ");
    else if (k == "H") out += pad2(t.hour);
    else if (k == "I") out += pad2(t.hour % 12 == 0 ? 12 : t.hour % 12);
    else if (k == "M") out += pad2(t.minute);
    else if (k == "S") out += pad2(t.second);
    else if (k == "p") out += t.hour < 12 ? "AM" : "PM";
    else if (k == "a") out += WEEKDAYS[t.weekday];
    else if (k == "A") out += WEEKDAY_NAMES[t.weekday];
    else if (k == "b" || k == "h") out += MONTHS[t.month - 1];
    else if (k == "B") out += MONTH_NAMES[t.month - 1];
    else if (k == "j") out += pad3(t.yearDay);
    else if (k == "u") out += (t.weekday == 0 ? 7 : t.weekday).toString();
    else if (k == "w") out += t.weekday.toString();
    else if (k == "s") out += t.epochSeconds.toString();
    else if (k == "Z") out += "UTC";
    else if (k == "z") out += "+0000";
    else if (k == "T") out += pad2(t.hour) + ":" + pad2(t.minute) + ":" + pad2(t.second);
    else if (k == "R") out += pad2(t.hour) + ":" + pad2(t.minute);
    else if (k == "D") out += pad2(t.month) + "/" + pad2(t.day) + "/" + pad2(t.year % 100);
    else if (k == "F") out += t.year.toString() + "-" + pad2(t.month) + "-" + pad2(t.day);
    else if (k == "c") out += strftime("%a %b %e %H:%M:%S %Y", t);
    else if (k == "n") out += "\n";
    else if (k == "t") out += "\t";
    else if (k == "N") out += "000000000";
    else if (k == "%") out += "%";
    else out += "%" + k;
  }
  return out;
}

export function date(ctx: Context): i32 {
  let format = "%a %b %e %H:%M:%S %Z %Y";
  let seconds = nowSeconds();
  for (let i = 1; i < ctx.args.length; i++) {
    const arg = ctx.args[i];
    if (arg.startsWith("+")) format = arg.substring(1);
    else if (arg == "-u" || arg == "--utc") continue;
    else if (arg == "-R") format = "%a, %d %b %Y %H:%M:%S %z";
    else if (arg == "-I" || arg == "-Idate") format = "%Y-%m-%d";
    else if (arg == "-Iseconds") format = "%Y-%m-%dT%H:%M:%S+00:00";
    else if (arg == "-Iminutes") format = "%Y-%m-%dT%H:%M+00:00";
    else if (arg == "-Ihours") format = "%Y-%m-%dT%H+00:00";
    else if (arg == "-d" || arg.startsWith("-d")) {
      const value = arg == "-d" ? (i + 1 < ctx.args.length ? ctx.args[++i] : "") : arg.substring(2);
      if (!value.startsWith("@") || !isInteger(value.substring(1))) {
        ctx.error("invalid date '" + value + "'");
        return 1;
      }
      seconds = parseInteger(value.substring(1));
    } else {
      ctx.error("invalid date '" + arg + "'");
      return 1;
    }
  }
  ctx.out(strftime(format, CivilTime.fromEpochSeconds(seconds)) + "\n");
  return 0;
}
