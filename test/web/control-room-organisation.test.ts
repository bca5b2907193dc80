/**
 * The control room is a demo portal's alone: in Chromium, an organisation portal's admin (signed in with a password)
 * sees no Control room in the navigation, and /admin/control-room typed in answers a plain "not available" page
 * (the API refuses them too: test/control-room-organisation.test.ts). axe, light and dark.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPasswordFor } from '../helpers/accounts.ts';
import { browserMissing, expectAccessible, launchBrowser } from '../helpers/browser.ts';
import { type LiveLectern, startLiveLectern } from '../helpers/live-server.ts';

if (browserMissing()) {
  console.warn(
    '\nSKIPPED test/web/control-room-organisation.test.ts: /usr/bin/chromium is missing (apt-get install chromium).\n',
  );
}

/** Sets Mantine's colour scheme on the page, as the theme button does. */
function setScheme(page: Page, scheme: 'light' | 'dark') {
  return page.evaluate((value) => document.documentElement.setAttribute('data-mantine-color-scheme', value), scheme);
}

describe.skipIf(browserMissing())('the control room in an organisation portal', () => {
  let lectern: LiveLectern;
  let browser: Browser;
  let email: string;
  const password = 'organisation password 123';

  beforeAll(async () => {
    lectern = await startLiveLectern({ env: { LECTERN_PUBLIC_URL: '' } });
    // The test's portal becomes an organisation portal: passwords instead of the demo's person picker.
    await lectern.app.lectern.db.updateTable('portals').set({ demo: 0 }).where('id', '=', lectern.portalId).execute();
    email = lectern.employees.find((person) => person.erecno === lectern.adminErecno)!.email_id;
    await setPasswordFor(lectern, lectern.portalId, lectern.adminErecno, password);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await lectern?.close();
  });

  it('shows the admin no control room, and the page itself says it is not available', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${lectern.baseUrl}/sign-in?portal=${lectern.portalId}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/oauth\/v2\/accounts\/sign-in\?/);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(/\/oauth\/v2\/auth\?/);
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.waitForURL(/\/admin$/);

    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect.poll(() => nav.getByRole('link', { name: 'Dashboard', exact: true }).isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: 'Webhooks', exact: true }).isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: /control room/i }).count()).toBe(0);

    await page.goto(`${lectern.baseUrl}/admin/control-room`);
    const notice = page.getByText('The control room is for demo portals only', { exact: false });
    await expect.poll(() => notice.isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Control room', level: 1 }).isVisible()).toBe(true);
    expect(await page.getByText('Not available in this portal').isVisible()).toBe(true);
    // None of the room's tools is offered.
    for (const name of [/reset/i, /snapshot/i, /freeze/i, /advance/i]) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    expect(await nav.getByRole('link', { name: /control room/i }).count()).toBe(0);
    await page.mouse.move(1, 1);
    await expectAccessible(page, 'control room refused, light');
    await setScheme(page, 'dark');
    await expectAccessible(page, 'control room refused, dark');
    await context.close();
  }, 120_000);
});
