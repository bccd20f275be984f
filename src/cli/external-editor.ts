// kubectl edit in `kubetab shell`: writes the text to a temporary file, runs $KUBE_EDITOR,
// $EDITOR or vi on it with the terminal handed over (raw mode off, input paused), and reads
// the file back, as the real kubectl does with its editor.

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function editInTerminal(text: string, fileName: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'kubectl-edit-'));
  const path = join(folder, fileName);
  await writeFile(path, text);
  const editor = process.env.KUBE_EDITOR || process.env.EDITOR || 'vi';
  const raw = process.stdin.isTTY && process.stdin.isRaw;
  if (raw) process.stdin.setRawMode(false);
  process.stdin.pause();
  try {
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(`${editor} "${path}"`, { shell: true, stdio: 'inherit' });
      child.on('error', reject);
      child.on('exit', (exitCode) => resolve(exitCode ?? 1));
    });
    if (code !== 0) throw new Error(`there was a problem with the editor "${editor}"`);
    return await readFile(path, 'utf8');
  } finally {
    if (raw) process.stdin.setRawMode(true);
    process.stdin.resume();
    await rm(folder, { recursive: true, force: true });
  }
}
