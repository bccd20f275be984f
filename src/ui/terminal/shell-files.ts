// The terminal's files, one set per page: text files persisted in localStorage, binary files
// (WebAssembly programs) for the session. Shared by the shell and the image picker, which puts
// the files it is given here.

import { VirtualFs } from '../../shell/virtual-fs';
import { readStored, writeStored } from '../platform/local-storage';

const FILES_KEY = 'kubetab.shell.files';

let files: VirtualFs | undefined;

export function shellFiles(): VirtualFs {
  files ??= new VirtualFs({
    load: () => {
      const value = readStored(FILES_KEY);
      return value && typeof value === 'object' ? (value as Record<string, string>) : {};
    },
    save: (contents) => writeStored(FILES_KEY, contents),
  });
  return files;
}
