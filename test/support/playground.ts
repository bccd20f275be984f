// The built playground open in headless Chromium for end-to-end tests: dist/ served as static
// files under a path, one page at a desktop size, handed over once every node is Ready and the
// terminal is up.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromiumAvailable, launchChromium } from './browser';
import { serveDist, type StaticSite } from './static-server';

interface Playground {
  site: StaticSite;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export interface PlaygroundOptions {
  /** The path the site is served under; `/` when left out. */
  prefix?: string;
  /** Runs before the page loads, to listen to everything it does. */
  beforeLoad?: (page: Page, site: StaticSite) => void;
}

async function openPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  if (!chromiumAvailable()) throw new Error('Debian chromium is missing: .ci/run installs it (apt-get install chromium)');
  const site = await serveDist(options.prefix ?? '/');
  const browser = await launchChromium();
  const close = async () => {
    await browser.close();
    await site.close();
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    options.beforeLoad?.(page, site);
    await page.goto(site.url);
    await page.waitForFunction(() => document.querySelectorAll('[data-node][data-readiness="Ready"]').length === 4, undefined, { timeout: 60_000 });
    await page.waitForSelector('.xterm-helper-textarea', { timeout: 30_000 });
    return { site, browser, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Opens the playground before the suite's tests and closes it after them; `page` is the open
 * page once the tests run.
 */
export function usePlayground(options: PlaygroundOptions = {}): { readonly page: Page } {
  let playground: Playground | undefined;
  beforeAll(async () => {
    playground = await openPlayground(options);
  });
  afterAll(async () => {
    await playground?.close();
  });
  return {
    get page(): Page {
      if (!playground) throw new Error('the playground is not open yet');
      return playground.page;
    },
  };
}
