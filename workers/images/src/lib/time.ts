// Time as programs see it: the cluster clock (realtime and monotonic clock_time_get), sleeping
// through poll_oneoff (interruptible by a handled signal), and calendar arithmetic in UTC for
// the timestamp formats that logs and protocols use.

import { clock, clock_time_get, Errno, errno, eventtype, poll_oneoff, SUBSCRIPTION_SIZE, EVENT_SIZE } from "./wasi";

export const NS_PER_MS: i64 = 1_000_000;
export const NS_PER_SECOND: i64 = 1_000_000_000;

function readClock(id: u32): i64 {
  const out = memory.data(8);
  clock_time_get(id, 1000, out);
  return load<i64>(out);
}

/** Nanoseconds since the Unix epoch, by the cluster clock. */
export function nowNs(): i64 {
  return readClock(clock.REALTIME);
}

export function nowSeconds(): i64 {
  return nowNs() / NS_PER_SECOND;
}

/** Nanoseconds on a clock that only moves forward: for durations and deadlines. */
export function monotonicNs(): i64 {
  return readClock(clock.MONOTONIC);
}

/** Sleeps without using CPU; returns 0, or errno.INTR when a handled signal arrived first. */
export function sleepNs(duration: i64): Errno {
  const subscription = memory.data(48);
  const event = memory.data(32);
  const count = memory.data(8);
  memory.fill(subscription, 0, SUBSCRIPTION_SIZE);
  store<u8>(subscription, eventtype.CLOCK, 8);
  store<u32>(subscription, clock.MONOTONIC, 16);
  store<i64>(subscription, duration > 0 ? duration : 0, 24);
  memory.fill(event, 0, EVENT_SIZE);
  const code = poll_oneoff(subscription, event, 1, count);
  return code == errno.INTR ? errno.INTR : 0;
}

export function sleepMs(ms: i64): Errno {
  return sleepNs(ms * NS_PER_MS);
}

export const WEEKDAYS: string[] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
export const MONTHS: string[] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
export const WEEKDAY_NAMES: string[] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
export const MONTH_NAMES: string[] = [
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
];

/** A UTC calendar time. */
export class CivilTime {
  year: i32 = 1970;
  /** 1 to 12. */
  month: i32 = 1;
  day: i32 = 1;
  hour: i32 = 0;
  minute: i32 = 0;
  second: i32 = 0;
  /** 0 is Sunday. */
  weekday: i32 = 4;
  /** Day of the year, 1 to 366. */
  yearDay: i32 = 1;
  epochSeconds: i64 = 0;

  /** Converts seconds since the epoch with the days-to-civil algorithm (proleptic Gregorian). */
  static fromEpochSeconds(seconds: i64): CivilTime {
    const t = new CivilTime();
    t.epochSeconds = seconds;
    let days = seconds / 86400;
    let rest = seconds % 86400;
    if (rest < 0) {
      rest += 86400;
      days -= 1;
    }
    t.hour = i32(rest / 3600);
    t.minute = i32((rest % 3600) / 60);
    t.second = i32(rest % 60);
    t.weekday = i32(((days % 7) + 11) % 7);
    const z = days + 719468;
    const era = (z >= 0 ? z : z - 146096) / 146097;
    const dayOfEra = z - era * 146097;
    const yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const monthIndex = (5 * dayOfYear + 2) / 153;
    t.day = i32(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    t.month = i32(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    t.year = i32(yearOfEra + era * 400 + (t.month <= 2 ? 1 : 0));
    t.yearDay = dayOfYearOf(t.year, t.month, t.day);
    return t;
  }

  static now(): CivilTime {
    return CivilTime.fromEpochSeconds(nowSeconds());
  }
}

export function isLeapYear(year: i32): bool {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

function dayOfYearOf(year: i32, month: i32, day: i32): i32 {
  const cumulative: i32[] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
  return cumulative[month - 1] + day + (month > 2 && isLeapYear(year) ? 1 : 0);
}

export function pad2(n: i32): string {
  return n < 10 ? "0" + n.toString() : n.toString();
}

/** `2026/01/01 12:00:00`: Go's log package and nginx's error log. */
export function formatLogTime(t: CivilTime): string {
  return t.year.toString() + "/" + pad2(t.month) + "/" + pad2(t.day) + " " + formatClock(t);
}

/** `12:00:00`. */
export function formatClock(t: CivilTime): string {
  return pad2(t.hour) + ":" + pad2(t.minute) + ":" + pad2(t.second);
}

/** `Thu, 01 Jan 2026 12:00:00 GMT`: the HTTP Date header (RFC 9110 IMF-fixdate). */
export function formatHttpDate(t: CivilTime): string {
  return WEEKDAYS[t.weekday] + ", " + pad2(t.day) + " " + MONTHS[t.month - 1] + " " + t.year.toString() + " " + formatClock(t) + " GMT";
}

/** `01/Jan/2026:12:00:00 +0000`: the common log format's time. */
export function formatCommonLogTime(t: CivilTime): string {
  return pad2(t.day) + "/" + MONTHS[t.month - 1] + "/" + t.year.toString() + ":" + formatClock(t) + " +0000";
}

/** A duration as Go prints one (time.Duration.String): `850ns`, `25.1µs`, `1.5ms`, `2.000001s`. */
export function formatGoDuration(ns: i64): string {
  if (ns < 1000) return ns.toString() + "ns";
  let unit = "s";
  let scale: i64 = NS_PER_SECOND;
  if (ns < 1_000_000) {
    unit = "µs";
    scale = 1000;
  } else if (ns < NS_PER_SECOND) {
    unit = "ms";
    scale = NS_PER_MS;
  }
  const whole = ns / scale;
  let fraction = (ns % scale).toString().padStart(scale.toString().length - 1, "0");
  while (fraction.endsWith("0")) fraction = fraction.substring(0, fraction.length - 1);
  return whole.toString() + (fraction.length > 0 ? "." + fraction : "") + unit;
}
