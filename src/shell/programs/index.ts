// Every program the shell knows, by the names it answers to.

import type { Program } from '../program';
import { catProgram, cdProgram, lsProgram, pwdProgram, rmProgram, touchProgram } from './file-programs';
import { kubectlProgram } from './kubectl-program';
import { kubetabProgram } from './kubetab-program';
import { lazyProgram } from './lazy-program';
import {
  clearProgram,
  dateProgram,
  envProgram,
  exportProgram,
  falseProgram,
  helpProgram,
  historyProgram,
  sleepProgram,
  trueProgram,
  unsetProgram,
} from './session-programs';
import { grepProgram } from './grep-program';
import { echoProgram, headProgram, sortProgram, tailProgram, wcProgram } from './text-programs';

export const PROGRAMS: Record<string, Program> = {
  kubectl: kubectlProgram,
  k: kubectlProgram,
  kubetab: kubetabProgram,
  curl: lazyProgram(async () => (await import('./curl-program')).curlProgram),
  wget: lazyProgram(async () => (await import('./wget-program')).wgetProgram),
  nslookup: lazyProgram(async () => (await import('./nslookup-program')).nslookupProgram),
  cat: catProgram,
  ls: lsProgram,
  rm: rmProgram,
  touch: touchProgram,
  pwd: pwdProgram,
  cd: cdProgram,
  echo: echoProgram,
  grep: grepProgram,
  head: headProgram,
  tail: tailProgram,
  wc: wcProgram,
  sort: sortProgram,
  clear: clearProgram,
  help: helpProgram,
  history: historyProgram,
  export: exportProgram,
  unset: unsetProgram,
  env: envProgram,
  sleep: sleepProgram,
  date: dateProgram,
  true: trueProgram,
  false: falseProgram,
};
