// A lesson's command blocks run in the terminal from their Run buttons, in real headless
// Chromium: a block that applies a manifest through a heredoc reaches the shell with the
// manifest's indentation intact, so the pod it describes is created and shows in the picture.

import { describe, expect, it } from 'vitest';
import { terminalText } from '../support/browser';
import { usePlayground } from '../support/playground';

describe('running a lesson block', () => {
  const playground = usePlayground();

  it('applies a manifest written as a heredoc, indentation and all', async () => {
    const { page } = playground;
    await page.selectOption('#lesson-select', '05-multi-container-pods');
    const step = page.locator('li.step.active').first();
    await step.getByRole('button', { name: 'Run' }).first().click();
    await expect.poll(() => terminalText(page), { timeout: 10_000 }).toContain('pod/clock created');
    expect(await terminalText(page)).not.toContain('error');
    await page.waitForSelector('[data-pod="default/clock"]', { timeout: 10_000 });
  });
});
