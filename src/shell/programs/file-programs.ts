// File commands over the shell's virtual filesystem: cat, ls, rm, touch, pwd, cd.

import type { Program } from '../program';

export const catProgram: Program = async (io) => {
  const paths = io.argv.slice(1);
  if (paths.length === 0) {
    for (let chunk = await io.stdin.read(); chunk !== null; chunk = await io.stdin.read()) io.stdout(chunk);
    return 0;
  }
  let status = 0;
  for (const path of paths) {
    const text = io.shell.files.read(path);
    if (text === undefined) {
      io.stderr(`cat: ${path}: No such file or directory\n`);
      status = 1;
    } else {
      io.stdout(text);
    }
  }
  return status;
};

export const lsProgram: Program = async (io) => {
  const paths = io.argv.slice(1).filter((a) => !a.startsWith('-'));
  const targets = paths.length > 0 ? paths : ['.'];
  let status = 0;
  for (const path of targets) {
    if (io.shell.files.read(path) !== undefined) io.stdout(`${path}\n`);
    else if (io.shell.files.isDirectory(path)) {
      const entries = io.shell.files.list(path);
      if (entries.length > 0) io.stdout(`${entries.join('  ')}\n`);
    } else {
      io.stderr(`ls: cannot access '${path}': No such file or directory\n`);
      status = 2;
    }
  }
  return status;
};

export const rmProgram: Program = async (io) => {
  const force = io.argv.includes('-f') || io.argv.includes('-rf');
  let status = 0;
  for (const path of io.argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const removed = io.shell.files.remove(path) || io.shell.files.walk(path).map((f) => io.shell.files.remove(f)).some(Boolean);
    if (!removed && !force) {
      io.stderr(`rm: cannot remove '${path}': No such file or directory\n`);
      status = 1;
    }
  }
  return status;
};

export const touchProgram: Program = async (io) => {
  for (const path of io.argv.slice(1)) if (io.shell.files.read(path) === undefined) io.shell.files.write(path, '');
  return 0;
};

export const pwdProgram: Program = async (io) => {
  io.stdout(`${io.shell.files.cwd}\n`);
  return 0;
};

export const cdProgram: Program = async (io) => {
  const target = io.shell.files.resolve(io.argv[1] ?? '~');
  if (!io.shell.files.isDirectory(target)) {
    io.stderr(`cd: ${io.argv[1]}: No such file or directory\n`);
    return 1;
  }
  io.shell.files.cwd = target;
  return 0;
};
