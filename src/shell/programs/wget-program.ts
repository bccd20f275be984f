// `wget`, in the words of busybox's wget (the one learners meet in pods): fetches a URL through
// cluster DNS and kube-proxy from the control-plane node. `-q` quiet, `-O FILE` (`-O -` for
// stdout, so `wget -qO- http://web`), `-T SEC` timeout, `--spider` checks without downloading.
// HTTP only; errors as busybox prints them.

import type { Program, ProgramIO } from '../program';
import { httpFetch, parseUrl } from './net/http-fetch';
import { writeDownload } from './net/download';

const USAGE = 'Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR] [-U STR] [-T SEC] URL...\n';
const ERRNO_TEXT: Record<string, string> = { ECONNREFUSED: 'Connection refused', EHOSTUNREACH: 'No route to host' };

interface WgetOptions {
  url?: string;
  quiet: boolean;
  spider: boolean;
  output?: string;
  timeoutSeconds: number;
  headers: [string, string][];
}

function parseArgs(args: readonly string[]): WgetOptions | string {
  const options: WgetOptions = { quiet: false, spider: false, timeoutSeconds: 900, headers: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string => args[++i] ?? '';
    if (arg === '-q' || arg === '--quiet') options.quiet = true;
    else if (arg === '--spider') options.spider = true;
    else if (arg === '-O') options.output = value();
    else if (arg.startsWith('-qO')) {
      options.quiet = true;
      options.output = arg.slice(3) || value();
    } else if (arg.startsWith('-O')) options.output = arg.slice(2);
    else if (arg.startsWith('--output-document=')) options.output = arg.slice('--output-document='.length);
    else if (arg === '-T' || arg.startsWith('--timeout=')) {
      const seconds = Number(arg === '-T' ? value() : arg.slice('--timeout='.length));
      if (!Number.isInteger(seconds) || seconds < 0) return 'wget: invalid number\n';
      options.timeoutSeconds = seconds;
    } else if (arg === '--header') {
      const header = value();
      const colon = header.indexOf(':');
      if (colon > 0) options.headers.push([header.slice(0, colon).trim(), header.slice(colon + 1).trim()]);
    } else if (arg.startsWith('-') && arg.length > 1) return `wget: unrecognized option: ${arg.replace(/^-+/, '')}\n${USAGE}`;
    else options.url = arg;
  }
  return options;
}

function progressLine(name: string, size: number): string {
  return `${name.padEnd(20).slice(0, 20)} 100% |${'*'.repeat(32)}| ${String(size).padStart(5)}  0:00:00 ETA\n`;
}

function outputName(target: string): string {
  const path = target.split('?')[0];
  const base = path.split('/').pop() ?? '';
  return base || 'index.html';
}

export const wgetProgram: Program = async (io: ProgramIO) => {
  const options = parseArgs(io.argv.slice(1));
  if (typeof options === 'string') {
    io.stderr(options);
    return 1;
  }
  if (!options.url) {
    io.stderr(USAGE);
    return 1;
  }
  const url = parseUrl(options.url);
  if (!url) {
    io.stderr(`wget: bad address '${options.url}'\n`);
    return 1;
  }
  if (url.scheme !== 'http') {
    io.stderr(url.scheme === 'https' ? "wget: can't execute 'ssl_client': No such file or directory\nwget: error getting response: Connection reset by peer\n" : `wget: not an http or ftp url: ${options.url}\n`);
    return 1;
  }
  const network = io.shell.network;
  const hostPort = url.explicitPort ? `${url.host}:${url.port}` : url.host;
  if (!network) {
    io.stderr(`wget: bad address '${hostPort}'\n`);
    return 1;
  }
  const say = (text: string) => {
    if (!options.quiet) io.stderr(text);
  };
  const outcome = await httpFetch(
    {
      url,
      method: options.spider ? 'HEAD' : 'GET',
      headers: [['Host', hostPort], ['User-Agent', 'Wget'], ['Connection', 'close'], ...options.headers],
      timeoutMs: options.timeoutSeconds > 0 ? options.timeoutSeconds * 1000 : undefined,
      onConnected: (ip) => say(`Connecting to ${hostPort} (${ip}:${url.port})\n`),
    },
    { network, namespace: io.shell.env.KUBECTL_NAMESPACE || 'default', clock: io.shell.clock, signal: io.signal },
  );
  if (!('response' in outcome)) {
    if (outcome.stage === 'cancelled') return 130;
    if (outcome.stage === 'connect') say(`Connecting to ${hostPort} (${outcome.ip}:${url.port})\n`);
    const message = {
      resolve: `bad address '${hostPort}'`,
      connect: outcome.stage === 'connect' ? `can't connect to remote host (${outcome.ip}): ${ERRNO_TEXT[outcome.errno] ?? 'Connection refused'}` : '',
      timeout: 'download timed out',
      protocol: 'error getting response: Connection reset by peer',
    }[outcome.stage];
    io.stderr(`wget: ${message}\n`);
    return 1;
  }
  const { response } = outcome;
  if (response.status >= 400) {
    io.stderr(`wget: server returned error: ${response.version} ${response.status} ${response.reason}\n`);
    return 1;
  }
  if (options.spider) {
    say('remote file exists\n');
    return 0;
  }
  const output = options.output ?? outputName(url.target);
  if (output === '-') {
    say('writing to stdout\n');
    io.stdout(new TextDecoder().decode(response.body));
  } else {
    say(`saving to '${output}'\n`);
    if (!writeDownload(io.shell.files, output, '', response.body)) {
      io.stderr(`wget: can't open '${output}': Is a directory\n`);
      return 1;
    }
  }
  say(progressLine(output, response.body.length));
  say(output === '-' ? 'written to stdout\n' : `'${output}' saved\n`);
  return 0;
};
