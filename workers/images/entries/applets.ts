// The applets of kubetab's busybox program (the same list `busybox --list` prints), and the
// executable paths an image gives them.

export const BUSYBOX_APPLETS: readonly string[] = [
  '[', '[[', 'ash', 'awk', 'basename', 'cat', 'cp', 'cut', 'date', 'dirname', 'echo', 'env', 'false', 'grep', 'head', 'hostname',
  'id', 'kill', 'ls', 'mkdir', 'mv', 'nslookup', 'printenv', 'printf', 'ps', 'pwd', 'rev', 'rm', 'sed', 'seq', 'sh', 'sleep',
  'sort', 'tail', 'tee', 'test', 'touch', 'tr', 'true', 'uname', 'uniq', 'wc', 'wget', 'which', 'whoami', 'xargs', 'yes',
];

/**
 * `{ '/bin/sh': 'busybox', '/bin/ls': 'busybox', ... }` for every applet in each directory.
 * Debian-based images add `/bin/bash`: the program answers to that name too, with bash's prompt.
 */
export function appletExecutables(dirs: readonly string[], program = 'busybox'): Record<string, string> {
  const executables: Record<string, string> = {};
  for (const dir of dirs) {
    executables[`${dir}/busybox`] = program;
    for (const applet of BUSYBOX_APPLETS) executables[`${dir}/${applet}`] = program;
  }
  return executables;
}

/** The accounts every image knows: root, and nobody. */
export const PASSWD_FILES: Record<string, string> = {
  '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n',
  '/etc/group': 'root:x:0:\ndaemon:x:1:\nwheel:x:10:root\nnogroup:x:65534:\n',
};

/** The directories every Linux image has, empty. */
export const BASE_DIRECTORIES: readonly string[] = ['/root', '/tmp', '/home', '/var', '/usr/bin', '/usr/sbin', '/sbin', '/dev', '/proc', '/sys'];

export const STANDARD_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
