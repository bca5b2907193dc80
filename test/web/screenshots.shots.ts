/** Writes PNGs of the web app's main pages, at a laptop's width and a phone's, into docs/screenshots/. */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromiumPath, launchBrowser, seedWorld, signInAs } from '../helpers/browser.ts';
import { type LiveLectern, startLiveLectern } from '../helpers/live-server.ts';

const folder = new URL('../../docs/screenshots/', import.meta.url);
const widths = [1280, 390] as const;

let lectern: LiveLectern;
let browser: Browser;
let people: { learner: string; trainer: string };

beforeAll(async () => {
  lectern = await startLiveLectern({ env: { LECTERN_PUBLIC_URL: '' } });
  // The server's clock at the browser's time, so that the dashboard's "next 14 days" hold the seeded sessions.
  lectern.clock.set(Date.now());
  people = await seedWorld(lectern);
  browser = await launchBrowser();
  mkdirSync(folder, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await lectern?.close();
});

async function shoot(page: Page, name: string, width: number): Promise<void> {
  // Animations and the loaders settle first: a picture of a spinner says nothing.
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('[aria-label^="Loading"]').count()).toBe(0);
  await page.screenshot({ path: new URL(`${name}-${width}.png`, folder).pathname, fullPage: true });
}

/** Signs the person in at the width and shoots each of their pages. */
async function shootAs(erecno: string, pages: [path: string, name: string][], theme: 'light' | 'dark' = 'light') {
  for (const width of widths) {
    const context = await browser.newContext({
      viewport: { width, height: width === 390 ? 844 : 800 },
      colorScheme: theme,
    });
    const page = await context.newPage();
    await signInAs(page, lectern.baseUrl, erecno);
    for (const [path, name] of pages) {
      await page.goto(`${lectern.baseUrl}${path}`);
      await shoot(page, name, width);
    }
    await context.close();
  }
}

it(`shoots the pages with ${chromiumPath}`, async () => {
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width, height: width === 390 ? 844 : 800 } });
    const page = await context.newPage();
    await page.goto(`${lectern.baseUrl}/sign-in`);
    await shoot(page, 'sign-in', width);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/oauth\/v2\/auth\?/);
    await shoot(page, 'consent-person-picker', width);
    await context.close();
  }
  await shootAs(lectern.adminErecno, [
    ['/admin', 'admin-dashboard'],
    ['/admin/courses', 'admin-courses'],
    ['/admin/courses/new', 'admin-course-new'],
    ['/admin/people', 'admin-people'],
    ['/admin/people/import', 'admin-people-import'],
    ['/admin/reference-data', 'admin-reference-data'],
    ['/admin/settings', 'admin-settings'],
    ['/admin/progress', 'admin-progress'],
    ['/admin/webhooks', 'admin-webhooks'],
    ['/admin/control-room', 'admin-control-room'],
    ['/learn/catalog', 'catalog'],
    ['/learn/no-such-page', 'not-found'],
  ]);
  await shootAs(lectern.adminErecno, [['/admin', 'admin-dashboard-dark']], 'dark');
  await shootAs(people.trainer, [
    ['/trainer', 'trainer-sessions'],
    ['/trainer/grading', 'trainer-grading'],
    ['/trainer/feed', 'trainer-feed'],
  ]);
  await shootAs(people.learner, [
    ['/learn', 'learner-my-courses'],
    ['/learn/calendar', 'learner-calendar'],
    ['/admin', 'learner-not-allowed'],
  ]);
});
