// The text forms Go gives the API's value types, and their parse errors: metav1.Time (RFC 3339,
// whole seconds, UTC), metav1.MicroTime (six fraction digits) and []byte (standard base64).
// Upstream: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/time.go, micro_time.go and Go's
// time.Parse and encoding/base64.

import { goQuote } from '../field-errors';

export class GoValueError extends Error {}

const RFC3339 = '2006-01-02T15:04:05Z07:00';

interface Step {
  layout: string;
  read(text: string, at: number): number;
}

const digits = (n: number) => (text: string, at: number) => {
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(at + i);
    if (!(c >= 48 && c <= 57)) return -1;
  }
  return at + n;
};
const literal = (c: string) => (text: string, at: number) => (text[at] === c ? at + 1 : -1);

const STEPS: Step[] = [
  { layout: '2006', read: digits(4) },
  { layout: '-', read: literal('-') },
  { layout: '01', read: digits(2) },
  { layout: '-', read: literal('-') },
  { layout: '02', read: digits(2) },
  { layout: 'T', read: literal('T') },
  { layout: '15', read: digits(2) },
  { layout: ':', read: literal(':') },
  { layout: '04', read: digits(2) },
  { layout: ':', read: literal(':') },
  { layout: '05', read: digits(2) },
];

/** Parses an RFC 3339 time as Go's time.Parse does: epoch seconds and the fraction's digits. */
export function parseGoTime(text: string): { seconds: number; fraction: string } {
  let at = 0;
  for (const step of STEPS) {
    const next = step.read(text, at);
    if (next < 0) throw new GoValueError(`parsing time ${goQuote(text)} as ${goQuote(RFC3339)}: cannot parse ${goQuote(text.slice(at))} as ${goQuote(step.layout)}`);
    at = next;
  }
  let fraction = '';
  if (text[at] === '.' || text[at] === ',') {
    const match = /^[.,](\d+)/.exec(text.slice(at));
    if (!match) throw new GoValueError(`parsing time ${goQuote(text)} as ${goQuote(RFC3339)}: cannot parse ${goQuote(text.slice(at))} as "Z07:00"`);
    fraction = match[1];
    at += match[0].length;
  }
  let offsetMinutes = 0;
  const zone = text.slice(at);
  const offset = /^([+-])(\d{2}):(\d{2})$/.exec(zone);
  if (offset) offsetMinutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  else if (zone !== 'Z') throw new GoValueError(`parsing time ${goQuote(text)} as ${goQuote(RFC3339)}: cannot parse ${goQuote(zone)} as "Z07:00"`);
  const [year, month, day, hour, minute, second] = [text.slice(0, 4), text.slice(5, 7), text.slice(8, 10), text.slice(11, 13), text.slice(14, 16), text.slice(17, 19)].map(Number);
  if (month < 1 || month > 12) throw new GoValueError(`parsing time ${goQuote(text)}: month out of range`);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) throw new GoValueError(`parsing time ${goQuote(text)}: day out of range`);
  if (hour > 23) throw new GoValueError(`parsing time ${goQuote(text)}: hour out of range`);
  if (minute > 59) throw new GoValueError(`parsing time ${goQuote(text)}: minute out of range`);
  if (second > 59) throw new GoValueError(`parsing time ${goQuote(text)}: second out of range`);
  const seconds = Date.UTC(year, month - 1, day, hour, minute, second) / 1000 - offsetMinutes * 60;
  return { seconds, fraction };
}

function formatSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 19);
}

/** metav1.Time's JSON form: whole seconds in UTC. */
export function formatTime(text: string): string {
  return `${formatSeconds(parseGoTime(text).seconds)}Z`;
}

/** metav1.MicroTime's JSON form: six fraction digits in UTC. */
export function formatMicroTime(text: string): string {
  const { seconds, fraction } = parseGoTime(text);
  return `${formatSeconds(seconds)}.${fraction.slice(0, 6).padEnd(6, '0')}Z`;
}

const BASE64 = /^[A-Za-z0-9+/]$/;

/** Checks standard padded base64 as Go's decoder does; returns it without line breaks. */
export function checkBase64(text: string): string {
  const data = text.replace(/[\r\n]/g, '');
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (BASE64.test(c)) continue;
    const padding = c === '=' && data.length % 4 === 0 && i >= data.length - 2 && /^=+$/.test(data.slice(i)) && i % 4 >= 2;
    if (!padding) throw new GoValueError(`illegal base64 data at input byte ${i}`);
    break;
  }
  if (data.length % 4 !== 0) throw new GoValueError(`illegal base64 data at input byte ${data.length - (data.length % 4)}`);
  return data;
}
