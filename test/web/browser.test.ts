/**
 * The web app in Chromium against Lectern on a real socket: sign in through the demo person picker, the dashboard,
 * sign out (the tokens die with it); a learner cannot open the admin page and the API refuses them too; a trainer's
 * sessions; axe on every page, light and dark: no serious or critical violation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, expectAccessible, launchBrowser, seedWorld, signInAs } from '../helpers/browser.ts';
import { type LiveLectern, startLiveLectern } from '../helpers/live-server.ts';

if (browserMissing()) {
  console.warn('\nSKIPPED test/web/browser.test.ts: /usr/bin/chromium is missing (apt-get install chromium).\n');
}

describe.skipIf(browserMissing())('the web app in a browser', () => {
  let lectern: LiveLectern;
  let browser: Browser;
  let people: { learner: string; trainer: string };

  beforeAll(async () => {
    // No fixed public URL: the app's redirect URI is the address the browser reached.
    lectern = await startLiveLectern({ env: { LECTERN_PUBLIC_URL: '' } });
    people = await seedWorld(lectern);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await lectern?.close();
  });

  async function freshPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    return context.newPage();
  }

  /** The signed-in session the app keeps for the tab. */
  const sessionOf = (page: Page) =>
    page.evaluate(() => JSON.parse(sessionStorage.getItem('lectern.session') ?? 'null')) as Promise<{
      accessToken: string;
      refreshToken: string;
    } | null>;

  const apiStatus = (path: string, token: string) =>
    fetch(`${lectern.baseUrl}${path}`, { headers: { authorization: `Zoho-oauthtoken ${token}` } }).then(
      (response) => response.status,
    );

  it('signs an admin in through the person picker, shows the dashboard, and signs out', async () => {
    const page = await freshPage();
    await page.goto(`${lectern.baseUrl}/`);
    await page.waitForURL(/\/sign-in$/);
    await expectAccessible(page, 'sign-in');
    await signInAs(page, lectern.baseUrl, lectern.adminErecno);
    expect(new URL(page.url()).pathname).toBe('/admin');
    await expect.poll(() => page.getByRole('heading', { name: 'Dashboard', level: 1 }).isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('signed-in-person').textContent()).toBe('Adam Fischer · Admin');
    // The dashboard does not repeat the course list: it leads to the Courses page (paged there: admin-edit.test.ts).
    await expect.poll(() => page.getByRole('link', { name: 'Every course of the portal' }).isVisible()).toBe(true);
    await expectAccessible(page, 'admin dashboard');

    await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
    await expectAccessible(page, 'admin dashboard, other theme');

    await page.getByRole('link', { name: 'Catalog' }).click();
    await page.waitForURL(/\/learn\/catalog$/);
    await expect.poll(() => page.getByRole('heading', { name: 'Catalog' }).isVisible()).toBe(true);
    await expectAccessible(page, 'catalog');

    await page.goto(`${lectern.baseUrl}/learn/no-such-page`);
    await expect.poll(() => page.getByRole('heading', { name: 'Page not found' }).isVisible()).toBe(true);
    await expectAccessible(page, '404');

    await page.goto(`${lectern.baseUrl}/admin`);
    const session = await sessionOf(page);
    expect(session?.refreshToken).toBeTruthy();
    expect(await apiStatus('/api/v1/courses', session!.accessToken)).toBe(200);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    expect(await sessionOf(page)).toBeNull();
    // Signing out revoked the refresh token, and with it the access tokens it minted.
    expect(await apiStatus('/api/v1/courses', session!.accessToken)).toBe(401);
    await page.goto(`${lectern.baseUrl}/admin`);
    await page.waitForURL(/\/sign-in$/);
    await page.context().close();
  }, 120_000);

  it("keeps a learner out of the admin page, and the API refuses the admin's calls too", async () => {
    const page = await freshPage();
    await signInAs(page, lectern.baseUrl, people.learner);
    expect(new URL(page.url()).pathname).toBe('/learn');
    await expect.poll(() => page.getByRole('heading', { name: 'My courses' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: /^Blended course/ }).isVisible()).toBe(true);
    await expectAccessible(page, 'my courses');
    expect(await page.getByRole('link', { name: 'Dashboard' }).count()).toBe(0);

    await page.goto(`${lectern.baseUrl}/admin`);
    await expect.poll(() => page.getByRole('heading', { name: 'Not allowed' }).isVisible()).toBe(true);
    await expectAccessible(page, 'not allowed');
    const session = await sessionOf(page);
    expect(await apiStatus('/lectern/v1/tokens', session!.accessToken)).toBe(403);
    expect(await apiStatus('/lectern/v1/employees', session!.accessToken)).toBe(403);
    await page.context().close();
  }, 120_000);

  it("shows a trainer their upcoming sessions from their calendar, on a phone's width too", async () => {
    const page = await freshPage();
    await signInAs(page, lectern.baseUrl, people.trainer);
    expect(new URL(page.url()).pathname).toBe('/trainer');
    await expect.poll(() => page.getByRole('cell', { name: /Kick-off workshop/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: /Hands-on lab/ }).isVisible()).toBe(true);
    await expectAccessible(page, 'trainer sessions');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'My courses' }).isVisible()).toBe(true);
    await expectAccessible(page, 'trainer sessions, 390 px with navigation open');
    await page.context().close();
  }, 120_000);
});
