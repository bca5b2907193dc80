/**
 * Password sign-in in Chromium, in an organisation portal: sign in with e-mail and password (by keyboard), sign out
 * (the next sign-in asks again), "Forgot password?", the reset link read from the outbox, a new password, signing in
 * with it while the old one is refused; axe on every accounts page, light and dark, at 1280 and 390 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPasswordFor } from '../helpers/accounts.ts';
import { browserMissing, expectAccessible, launchBrowser } from '../helpers/browser.ts';
import { type LiveLectern, startLiveLectern } from '../helpers/live-server.ts';

if (browserMissing()) {
  console.warn(
    '\nSKIPPED test/web/password-sign-in.test.ts: /usr/bin/chromium is missing (apt-get install chromium).\n',
  );
}

describe.skipIf(browserMissing())('password sign-in in a browser', () => {
  let lectern: LiveLectern;
  let browser: Browser;
  let admin: { email: string; name: string };
  const firstPassword = 'first password 123';
  const newPassword = 'second password 456';

  beforeAll(async () => {
    lectern = await startLiveLectern({ env: { LECTERN_PUBLIC_URL: '' } });
    // The test's portal becomes an organisation portal: passwords instead of the demo's person picker.
    await lectern.app.lectern.db.updateTable('portals').set({ demo: 0 }).where('id', '=', lectern.portalId).execute();
    const row = lectern.employees.find((person) => person.erecno === lectern.adminErecno)!;
    admin = { email: row.email_id, name: row.display_name };
    await setPasswordFor(lectern, lectern.portalId, lectern.adminErecno, firstPassword);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await lectern?.close();
  });

  /** axe in light and in dark (the pages follow the browser's colour scheme). */
  async function accessibleBothThemes(page: Page, label: string): Promise<void> {
    await page.emulateMedia({ colorScheme: 'light' });
    await expectAccessible(page, `${label}, light`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, `${label}, dark`);
    await page.emulateMedia({ colorScheme: 'light' });
  }

  async function toSignInPage(page: Page): Promise<void> {
    await page.goto(`${lectern.baseUrl}/sign-in?portal=${lectern.portalId}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/oauth\/v2\/accounts\/sign-in\?/);
  }

  /** Types the e-mail and password and submits with Enter, as a keyboard user would. */
  async function typeCredentials(page: Page, password: string): Promise<void> {
    await page.getByLabel('E-mail').fill(admin.email);
    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Password').press('Enter');
  }

  it('signs in with e-mail and password, signs out, resets a forgotten password and signs in with the new one', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();

    await toSignInPage(page);
    await accessibleBothThemes(page, 'sign-in page, 1280 px');
    await typeCredentials(page, firstPassword);
    await page.waitForURL(/\/oauth\/v2\/auth\?/);
    await expect.poll(() => page.getByText(`Signed in as ${admin.name}`).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.waitForURL(/\/admin$/);

    // Signing out ends the accounts session too: the next sign-in asks for the password again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === 'lectern_oauth_session')).toBeUndefined();
    await toSignInPage(page);

    // "Forgot password?" at phone width.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL(/\/oauth\/v2\/accounts\/forgot\?/);
    await accessibleBothThemes(page, 'forgot-password page, 390 px');
    await page.getByLabel('E-mail').fill(admin.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Check your e-mail' }).isVisible()).toBe(true);
    await accessibleBothThemes(page, 'reset sent page, 390 px');

    // The e-mail waits in the outbox (no SMTP here): its link opens the set-password page.
    const mail = await lectern.app.lectern.db
      .selectFrom('notifications')
      .select('payload')
      .where('event_type', '=', 'account.reset')
      .where('erecno', '=', lectern.adminErecno)
      .executeTakeFirstOrThrow();
    const link = /(http:\/\/127\.0\.0\.1:\d+\/oauth\/v2\/accounts\/password\?token=[\w-]+)/.exec(mail.payload)![1]!;
    await page.goto(link);
    await accessibleBothThemes(page, 'set-password page, 390 px');
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Repeat the new password').fill(newPassword);
    await page.getByRole('button', { name: 'Set password' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Password set' }).isVisible()).toBe(true);
    await accessibleBothThemes(page, 'password set page, 390 px');

    // The old password is refused (one message for every refusal), the new one signs in.
    await page.setViewportSize({ width: 1280, height: 800 });
    await toSignInPage(page);
    await typeCredentials(page, firstPassword);
    await expect.poll(() => page.getByRole('alert').isVisible()).toBe(true);
    await accessibleBothThemes(page, 'sign-in page with its refusal, 1280 px');
    await typeCredentials(page, newPassword);
    await page.waitForURL(/\/oauth\/v2\/auth\?/);
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.waitForURL(/\/admin$/);
    await context.close();
  }, 300_000);
});
