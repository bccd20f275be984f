// Startup in headless Chromium: page load to every node Ready (median of five fresh page
// loads), and the gzip size of everything the first page load fetches.

import { gzipSync } from 'node:zlib';
import { launchChromium } from '../support/browser';
import { serveDist } from '../support/static-server';
import { median, round, type Figures } from './figures';

const NODES = 4;
const RUNS = 5;

/**
 * Runs in the page before its own scripts: notes the moment every node is Ready in the
 * picture. Text, not a function, so no build tool can rewrite it on the way into the page.
 */
const READY_PROBE = `
new MutationObserver(function () {
  if (window.kubetabReadyAt === undefined && document.querySelectorAll('[data-node][data-readiness="Ready"]').length === ${NODES}) {
    window.kubetabReadyAt = performance.now();
  }
}).observe(document, { subtree: true, childList: true, attributes: true });`;

export default async function startupFigures(): Promise<Figures> {
  const site = await serveDist('/bench/');
  const browser = await launchChromium();
  const readyTimes: number[] = [];
  let bundleBytes = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
      const page = await context.newPage();
      await page.addInitScript(READY_PROBE);
      const bodies = new Map<string, Promise<number>>();
      page.on('response', (response) => {
        if (!bodies.has(response.url())) bodies.set(response.url(), response.body().then((body) => gzipSync(body).length, () => 0));
      });
      await page.goto(site.url);
      await page.waitForFunction('window.kubetabReadyAt !== undefined', undefined, { timeout: 30_000 });
      readyTimes.push((await page.evaluate('window.kubetabReadyAt')) as number);
      if (run === 0) {
        await page.waitForSelector('.xterm-helper-textarea', { timeout: 30_000 });
        await page.waitForLoadState('networkidle');
        bundleBytes = (await Promise.all(bodies.values())).reduce((a, b) => a + b, 0);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return {
    'startup.ready_ms': { value: round(median(readyTimes), 0), unit: 'ms', note: `median of ${RUNS} page loads to ${NODES} nodes Ready; target < 1000` },
    'bundle.gzip_kb': { value: round(bundleBytes / 1024, 1), unit: 'KB', note: 'gzip of every file the first page load fetches (terminal included); target < 300' },
  };
}
