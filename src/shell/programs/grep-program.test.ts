import { describe, expect, it } from 'vitest';
import type { ProgramIO, ShellContext } from '../program';
import { fixedInput } from '../text-stream';
import { VirtualFs } from '../virtual-fs';
import { grepProgram } from './grep-program';

const DESCRIBE = ['Name: web', 'Containers:', '  web:', '    Image: nginx', 'Conditions:', '  Ready True', 'Events:', '  Normal Pulled', '  Normal Started', ''].join('\n');

async function grep(args: string[], input = DESCRIBE) {
  let stdout = '';
  let stderr = '';
  const io: ProgramIO = {
    argv: ['grep', ...args],
    stdin: fixedInput(input),
    stdinIsTerminal: false,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    signal: { cancelled: false, onCancel: () => undefined },
    shell: { files: new VirtualFs(), env: {} } as unknown as ShellContext,
  };
  const code = await grepProgram(io);
  return { code, stdout, stderr };
}

describe('grep', () => {
  it('prints matching lines, and fails when none match', async () => {
    expect(await grep(['Normal'])).toEqual({ code: 0, stdout: '  Normal Pulled\n  Normal Started\n', stderr: '' });
    expect(await grep(['-v', '^ '])).toMatchObject({ stdout: 'Name: web\nContainers:\nConditions:\nEvents:\n' });
    expect(await grep(['-ic', 'normal'])).toMatchObject({ stdout: '2\n' });
    expect((await grep(['nope'])).code).toBe(1);
  });

  it('prints context after (-A2 or -A 2), before (-B) and around (-C), with -- between separate groups', async () => {
    expect((await grep(['-A2', 'Events'])).stdout).toBe('Events:\n  Normal Pulled\n  Normal Started\n');
    expect((await grep(['-A', '1', 'Containers'])).stdout).toBe('Containers:\n  web:\n');
    expect((await grep(['-B1', 'Image'])).stdout).toBe('  web:\n    Image: nginx\n');
    expect((await grep(['-A1', ':$'])).stdout).toBe('Containers:\n  web:\n    Image: nginx\nConditions:\n  Ready True\nEvents:\n  Normal Pulled\n');
    expect((await grep(['-C0', 'Name|Events'])).stdout).toBe('Name: web\n--\nEvents:\n');
    expect((await grep(['-A1', 'Name|Events'])).stdout).toBe('Name: web\nContainers:\n--\nEvents:\n  Normal Pulled\n');
  });

  it('refuses a context length that is not a number', async () => {
    expect(await grep(['-A', 'x', 'Events'])).toEqual({ code: 2, stdout: '', stderr: 'grep: x: invalid context length argument\n' });
  });
});
