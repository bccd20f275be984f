// The built playground in real headless Chromium, served from a sub-path as static files: the
// cluster comes up with four Ready nodes, a learner types `kubectl run` in the terminal, and
// the pod shows Running both in the terminal and in the picture, and the lesson's first goal
// turns green on its own, from the cluster's state. Nothing leaves the origin.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, terminalText, typeInTerminal as type } from '../support/browser';
import { serveDist, type StaticSite } from '../support/static-server';

describe('the playground in Chromium', () => {
  let site: StaticSite;
  let browser: Browser;
  let page: Page;
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!chromiumAvailable()) throw new Error('Debian chromium is missing: .ci/run installs it (apt-get install chromium)');
    site = await serveDist('/some/path/');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('request', (request) => {
      if (!request.url().startsWith(site.url.replace(/\/some\/path\/$/, '')) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) foreignRequests.push(request.url());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(site.url);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('brings up the control plane and three worker nodes, all Ready', async () => {
    await page.waitForFunction(() => document.querySelectorAll('[data-node][data-readiness="Ready"]').length === 4, undefined, { timeout: 20_000 });
    const nodes = await page.$$eval('[data-node]', (elements) => elements.map((e) => e.getAttribute('data-node')).sort());
    expect(nodes).toEqual(['kubetab-control-plane', 'kubetab-worker', 'kubetab-worker2', 'kubetab-worker3']);
  });

  it('answers kubectl get nodes in the terminal as kubectl does', async () => {
    await page.waitForSelector('.xterm-helper-textarea');
    await type(page, 'kubectl get nodes');
    await expect.poll(() => terminalText(page), { timeout: 10_000 }).toMatch(/kubetab-worker3\s+Ready\s+<none>/);
    expect(await terminalText(page)).toMatch(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
  });

  it('runs a pod that reaches Running in the terminal and in the picture', async () => {
    const firstGoal = page.locator('ul.checks li').first();
    await expect.poll(() => firstGoal.getAttribute('class'), { timeout: 10_000 }).toMatch(/\bfailed\b/);
    await type(page, 'kubectl run web --image=nginx');
    await expect.poll(() => terminalText(page), { timeout: 10_000 }).toContain('pod/web created');
    await page.waitForSelector('[data-pod="default/web"][data-status="Running"]', { timeout: 30_000 });
    await type(page, 'kubectl get pods');
    await expect.poll(() => terminalText(page), { timeout: 10_000 }).toMatch(/web\s+1\/1\s+Running\s+0\s+\d+s/);
  });

  it("turns the lesson's first goal green from the cluster's state, not from typed text", async () => {
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
