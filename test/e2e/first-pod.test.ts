// The built playground in real headless Chromium, served from a sub-path as static files: the
// cluster comes up with four Ready nodes, a learner types `kubectl run` in the terminal, and
// the pod shows Running both in the terminal and in the picture, and the lesson's first goal
// turns green on its own, from the cluster's state. Nothing leaves the origin.

import { describe, expect, it } from 'vitest';
import { terminalText, typeInTerminal as type } from '../support/browser';
import { usePlayground } from '../support/playground';

describe('the playground in Chromium', () => {
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  const playground = usePlayground({
    prefix: '/some/path/',
    beforeLoad: (page, site) => {
      const origin = site.url.replace(/\/some\/path\/$/, '');
      page.on('request', (request) => {
        if (!request.url().startsWith(origin) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) foreignRequests.push(request.url());
      });
      page.on('pageerror', (error) => pageErrors.push(error.message));
    },
  });

  it('brings up the control plane and three worker nodes, all Ready', async () => {
    const { page } = playground;
    await page.waitForFunction(() => document.querySelectorAll('[data-node][data-readiness="Ready"]').length === 4, undefined, { timeout: 20_000 });
    const nodes = await page.$$eval('[data-node]', (elements) => elements.map((e) => e.getAttribute('data-node')).sort());
    expect(nodes).toEqual(['kubetab-control-plane', 'kubetab-worker', 'kubetab-worker2', 'kubetab-worker3']);
  });

  it('answers kubectl get nodes in the terminal as kubectl does', async () => {
    const { page } = playground;
    await page.waitForSelector('.xterm-helper-textarea');
    await type(page, 'kubectl get nodes');
    await expect.poll(() => terminalText(page), { timeout: 10_000 }).toMatch(/kubetab-worker3\s+Ready\s+<none>/);
    expect(await terminalText(page)).toMatch(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
  });

  it('runs a pod that reaches Running in the terminal and in the picture', async () => {
    const { page } = playground;
    const firstGoal = page.locator('ul.checks li').first();
    await expect.poll(() => firstGoal.getAttribute('class'), { timeout: 10_000 }).toMatch(/\bfailed\b/);
    await type(page, 'kubectl run web --image=nginx');
    await expect.poll(() => terminalText(page), { timeout: 10_000 }).toContain('pod/web created');
    await page.waitForSelector('[data-pod="default/web"][data-status="Running"]', { timeout: 30_000 });
    await type(page, 'kubectl get pods');
    await expect.poll(() => terminalText(page), { timeout: 10_000 }).toMatch(/web\s+1\/1\s+Running\s+0\s+\d+s/);
  });

  it("turns the lesson's first goal green from the cluster's state, not from typed text", async () => {
    const { page } = playground;
    const firstGoal = page.locator('ul.checks li').first();
    await expect.poll(() => firstGoal.getAttribute('class'), { timeout: 10_000 }).toMatch(/\bpassed\b/);
    expect(await firstGoal.textContent()).toContain('The pod web exists');
    await expect.poll(() => page.getByRole('button', { name: 'Next step' }).isEnabled(), { timeout: 5_000 }).toBe(true);
  });

  it('made no requests to other origins and threw no page errors', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
