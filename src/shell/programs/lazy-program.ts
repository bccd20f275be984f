// A program whose code loads the first time it runs, so rarely used commands (curl, wget,
// nslookup) stay out of the terminal's first download.

import type { Program } from '../program';

export function lazyProgram(load: () => Promise<Program>): Program {
  let loaded: Promise<Program> | undefined;
  return async (io) => (await (loaded ??= load()))(io);
}
