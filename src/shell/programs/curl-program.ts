// `curl`, as on the control-plane node (Debian's curl 7.88): fetches a URL through cluster DNS
// and kube-proxy. Prints the body, or with -i the response head too; -v shows the exchange on
// stderr; -s silences errors (unless -S); -o saves to a file; -I sends HEAD; -X and -H change
// the method and headers; -m/--max-time bounds the whole transfer on the cluster clock. Errors
// carry curl's exit codes and messages.

import type { Program, ProgramIO } from '../program';
import type { HttpResponse } from '../../../workers/node/network/http-exchange';
import { httpFetch, parseUrl, type FetchFailure } from './net/http-fetch';
import { progressMeter, writeDownload } from './net/download';

const USER_AGENT = 'curl/7.88.1';
const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";

interface CurlOptions {
  url?: string;
  silent: boolean;
  showError: boolean;
  include: boolean;
  verbose: boolean;
  head: boolean;
  method?: string;
  headers: [string, string][];
  output?: string;
  maxTimeMs?: number;
}

type Parsed = { options: CurlOptions } | { usage: string };

const WITH_VALUE = new Set(['-o', '--output', '-m', '--max-time', '-X', '--request', '-H', '--header']);
const FLAGS: Record<string, keyof CurlOptions> = { s: 'silent', S: 'showError', i: 'include', v: 'verbose', I: 'head' };
const LONG_FLAGS: Record<string, keyof CurlOptions> = { '--silent': 'silent', '--show-error': 'showError', '--include': 'include', '--verbose': 'verbose', '--head': 'head' };

function applyValue(options: CurlOptions, flag: string, value: string): string | undefined {
  if (flag === '-o' || flag === '--output') options.output = value;
  else if (flag === '-X' || flag === '--request') options.method = value;
  else if (flag === '-H' || flag === '--header') {
    const colon = value.indexOf(':');
    if (colon > 0) options.headers.push([value.slice(0, colon).trim(), value.slice(colon + 1).trim()]);
  } else {
    const seconds = Number(value);
    if (!Number.isFinite(seconds) || seconds < 0) return `curl: option ${flag}: expected a proper numerical parameter\n${TRY_HELP}`;
    options.maxTimeMs = seconds * 1000;
  }
  return undefined;
}

function parseArgs(args: readonly string[]): Parsed {
  const options: CurlOptions = { silent: false, showError: false, include: false, verbose: false, head: false, headers: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (WITH_VALUE.has(arg)) {
      if (i + 1 >= args.length) return { usage: `curl: option ${arg}: requires parameter\n${TRY_HELP}` };
      const problem = applyValue(options, arg, args[++i]);
      if (problem) return { usage: problem };
    } else if (arg.startsWith('--max-time=')) {
      const problem = applyValue(options, '--max-time', arg.slice('--max-time='.length));
      if (problem) return { usage: problem };
    } else if (LONG_FLAGS[arg]) {
      (options[LONG_FLAGS[arg]] as boolean) = true;
    } else if (/^-[a-zA-Z]+$/.test(arg)) {
      for (const letter of arg.slice(1)) {
        const flag = FLAGS[letter];
        if (!flag) return { usage: `curl: option ${arg}: is unknown\n${TRY_HELP}` };
        (options[flag] as boolean) = true;
      }
    } else if (arg.startsWith('-')) {
      return { usage: `curl: option ${arg}: is unknown\n${TRY_HELP}` };
    } else {
      options.url = arg;
    }
  }
  return { options };
}

function headLines(head: Omit<HttpResponse, 'body'>): string[] {
  return [`${head.version} ${head.status}${head.reason ? ` ${head.reason}` : ''}`, ...head.headers.map(([name, value]) => `${name}: ${value}`), ''];
}

/** curl's exit code and message for a failed transfer. */
function failure(outcome: FetchFailure, host: string, port: number, elapsedMs: number): { code: number; message: string } {
  switch (outcome.stage) {
    case 'resolve':
      return { code: 6, message: `Could not resolve host: ${host}` };
    case 'connect':
      return { code: 7, message: `Failed to connect to ${host} port ${port} after ${Math.round(elapsedMs)} ms: Couldn't connect to server` };
    case 'timeout':
      return { code: 28, message: `Operation timed out after ${Math.round(elapsedMs)} milliseconds with ${outcome.received} bytes received` };
    case 'protocol':
      return outcome.message === 'EOF' ? { code: 52, message: 'Empty reply from server' } : { code: 56, message: 'Recv failure: Connection reset by peer' };
    case 'cancelled':
      return { code: 130, message: '' };
  }
}

export const curlProgram: Program = async (io: ProgramIO) => {
  const parsed = parseArgs(io.argv.slice(1));
  if ('usage' in parsed) {
    io.stderr(parsed.usage);
    return 2;
  }
  const { options } = parsed;
  if (!options.url) {
    io.stderr(`curl: no URL specified!\n${TRY_HELP}`);
    return 2;
  }
  const url = parseUrl(options.url);
  const complain = (code: number, message: string): number => {
    if (message && (!options.silent || options.showError)) io.stderr(`curl: (${code}) ${message}\n`);
    return code;
  };
  if (!url) return complain(3, 'URL using bad/illegal format or missing URL');
  if (url.scheme !== 'http' && url.scheme !== 'https') return complain(1, `Protocol "${url.scheme}" not supported or disabled in libcurl`);
  const network = io.shell.network;
  if (!network) return complain(7, `Failed to connect to ${url.host} port ${url.port}: the terminal has no cluster network here`);
  const verbose = (text: string) => {
    if (options.verbose) io.stderr(text);
  };
  const method = options.method ?? (options.head ? 'HEAD' : 'GET');
  const hostHeader = url.explicitPort ? `${url.host}:${url.port}` : url.host;
  const headers: [string, string][] = [['Host', hostHeader], ['User-Agent', USER_AGENT], ['Accept', '*/*'], ...options.headers];
  const started = io.shell.clock.now();
  const outcome = await httpFetch(
    {
      url,
      method,
      headers,
      timeoutMs: options.maxTimeMs,
      onConnected: (ip) => {
        verbose(`*   Trying ${ip}:${url.port}...\n* Connected to ${url.host} (${ip}) port ${url.port} (#0)\n`);
        verbose([`${method} ${url.target} HTTP/1.1`, ...headers.map(([name, value]) => `${name}: ${value}`), ''].map((line) => `> ${line}\n`).join(''));
      },
      onHead: (head) => verbose(headLines(head).map((line) => `< ${line}\n`).join('')),
    },
    { network, namespace: io.shell.env.KUBECTL_NAMESPACE || 'default', clock: io.shell.clock, signal: io.signal },
  );
  if (!('response' in outcome)) {
    const { code, message } = failure(outcome, url.host, url.port, io.shell.clock.now() - started);
    return complain(code, message);
  }
  if (url.scheme === 'https') return complain(35, 'error:0A00010B:SSL routines::wrong version number');
  const { response } = outcome;
  const head = options.include || options.head ? headLines(response).map((line) => `${line}\r\n`).join('') : '';
  const body = new TextDecoder().decode(response.body);
  if (options.output) {
    if (!writeDownload(io.shell.files, options.output, head, response.body)) return complain(23, 'Failure writing output to destination');
    if (!options.silent) io.stderr(progressMeter(response.body.length + head.length, io.shell.clock.now() - started));
  } else {
    io.stdout(head + body);
  }
  verbose(`* Connection #0 to host ${url.host} left intact\n`);
  return 0;
};
