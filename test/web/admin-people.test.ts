/**
 * The admin console's people, import, reference data and settings pages in Chromium against Lectern on a real
 * socket: create, edit and deactivate a person; import a CSV with a bad row, see it, fix it, import; add a location and
 * a room, and see a 409 when deleting a location in use; change a setting. A learner opens none of them (and the API
 * refuses them too). axe on every page, light and dark, 1280 and 390 px: no serious or critical violation.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserMissing,
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  signInAs,
} from '../helpers/browser.ts';
import { type LiveLectern, startLiveLectern } from '../helpers/live-server.ts';
import { erecnoOf } from '../helpers/sessions.ts';

if (browserMissing()) {
  console.warn('\nSKIPPED test/web/admin-people.test.ts: /usr/bin/chromium is missing (apt-get install chromium).\n');
}

/** A page's code is loaded on first use, on a busy machine: expect.poll's one second is not always enough. */
const patiently = { timeout: 15_000 };

/** The smallest valid PNG: one transparent pixel. */
const onePixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe.skipIf(browserMissing())('the admin console: people, reference data, settings', () => {
  let lectern: LiveLectern;
  let browser: Browser;
  const files = mkdtempSync(join(tmpdir(), 'lectern-admin-people-'));

  beforeAll(async () => {
    lectern = await startLiveLectern({ env: { LECTERN_PUBLIC_URL: '' } });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await lectern?.close();
  });

  async function adminPage(width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signInAs(page, lectern.baseUrl, lectern.adminErecno);
    return page;
  }

  const api = async (path: string) => {
    const response = await fetch(`${lectern.baseUrl}${path}`, { headers: lectern.auth(lectern.adminToken) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { name, level: 1 });
  const visible = (locator: ReturnType<Page['getByText']>) =>
    expect.poll(() => locator.isVisible(), patiently).toBe(true);

  /** axe in the theme shown, then in the other one, then back (set as the theme toggle sets it: a dialog covers it). */
  async function expectAccessibleBothThemes(page: Page, label: string): Promise<void> {
    // The pointer off whatever was clicked last: a hovered link's colours are not the page's.
    await page.mouse.move(0, 0);
    await expectAccessible(page, label);
    const flip = () =>
      page.evaluate(() => {
        const root = document.documentElement;
        const scheme = root.getAttribute('data-mantine-color-scheme') === 'dark' ? 'light' : 'dark';
        root.setAttribute('data-mantine-color-scheme', scheme);
        return scheme;
      });
    const other = await flip();
    await expectAccessible(page, `${label}, ${other} theme`);
    await flip();
  }

  /** Nothing wider than a phone's screen: the page scrolls down, never sideways (tables scroll in their region). */
  async function expectFits(page: Page, label: string): Promise<void> {
    await expectNoSidewaysScroll(page, label);
    await expectAccessibleBothThemes(page, `${label}, 390 px`);
  }

  it('adds a person (a bad e-mail shown at its field), edits them, uploads a photo and deactivates them', async () => {
    const page = await adminPage();
    await page.getByRole('link', { name: 'People' }).click();
    await visible(heading(page, 'People'));
    await visible(page.getByRole('link', { name: 'Emeka Okafor' }));
    await page.getByLabel('Search people').fill('okafor');
    await expect.poll(() => page.getByRole('link', { name: 'Fatima Zahra' }).count(), patiently).toBe(0);
    await visible(page.getByRole('link', { name: 'Emeka Okafor' }));
    await expectAccessibleBothThemes(page, 'people');

    await page.getByRole('button', { name: 'Add person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByLabel('Display name').fill('Uma Lee');
    await dialog.getByLabel('E-mail').fill('not-an-address');
    await dialog.getByLabel('Trainer').check();
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await visible(dialog.getByText(/emailId: must be an e-mail address/));
    await expect.poll(() => dialog.getByLabel('E-mail').getAttribute('aria-invalid'), patiently).toBe('true');
    await expectAccessibleBothThemes(page, 'add a person, with a field error');
    await dialog.getByLabel('E-mail').fill('uma.lee@example.com');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await visible(page.getByText('Added Uma Lee.'));

    await page.getByLabel('Search people').fill('uma.lee@');
    await page.getByRole('link', { name: 'Uma Lee' }).click();
    await visible(heading(page, 'Uma Lee'));
    await expectAccessibleBothThemes(page, 'a person');
    await page.getByLabel('Display name').fill('Uma Lee-Park');
    await page.getByLabel('Last name').fill('Lee-Park');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await visible(page.getByText('Saved Uma Lee-Park.'));
    const erecno = new URL(page.url()).pathname.split('/').pop()!;
    expect((await api(`/lectern/v1/employees/${erecno}`)).body.employee).toMatchObject({
      displayName: 'Uma Lee-Park',
      lastName: 'Lee-Park',
      roles: ['trainer'],
    });

    const photo = join(files, 'uma.png');
    writeFileSync(photo, onePixelPng);
    await page.locator('input[type="file"]').setInputFiles(photo);
    await page.getByRole('button', { name: 'Upload photo' }).click();
    await expect
      .poll(() => page.getByAltText('Photo of Uma Lee-Park').getAttribute('src'), patiently)
      .toMatch(/[?&]key=/);
    await visible(page.getByRole('button', { name: 'Remove photo' }));

    await page.getByRole('button', { name: 'Deactivate Uma Lee-Park' }).click();
    const confirm = page.getByRole('dialog', { name: 'Deactivate Uma Lee-Park?' });
    await visible(confirm.getByText(/every waitlist place they hold is given up/));
    await visible(confirm.getByText(/they keep their seats/));
    await visible(confirm.getByText(/they cannot sign in/));
    await expectAccessibleBothThemes(page, 'deactivation dialog');
    await confirm.getByRole('button', { name: 'Deactivate', exact: true }).click();
    await visible(page.getByText('Uma Lee-Park is deactivated; 0 waitlist places given up.'));
    await visible(page.getByRole('button', { name: 'Reactivate Uma Lee-Park' }));
    expect((await api(`/lectern/v1/employees/${erecno}`)).body.employee).toMatchObject({ status: 'inactive' });

    // An admin cannot deactivate themselves: the API's refusal is shown in the dialog.
    await page.goto(`${lectern.baseUrl}/admin/people/${lectern.adminErecno}`);
    await page.getByRole('button', { name: 'Deactivate Adam Fischer' }).click();
    await page.getByRole('button', { name: 'Deactivate', exact: true }).click();
    await visible(page.getByRole('dialog').getByText(/cannot deactivate/i));
    await page.context().close();
  }, 300_000);

  it('imports people from a CSV: the dry run lists the bad row, the fixed file is imported', async () => {
    const page = await adminPage();
    await page.goto(`${lectern.baseUrl}/admin/people`);
    await page.getByRole('link', { name: 'Import from CSV' }).click();
    await visible(heading(page, 'Import people'));
    await expectAccessibleBothThemes(page, 'import');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download people.csv' }).click();
    const sample = await download;
    expect(sample.suggestedFilename()).toBe('people.csv');

    const header = 'employeeId,displayName,emailId,status,isAdmin,isTrainer';
    const bad = join(files, 'bad.csv');
    writeFileSync(
      bad,
      `${header}\nN-1,Nia Brown,nia@example.com,active,false,false\nN-2,Omar Said,omar-at-example,active,false,false\n`,
    );
    await page.locator('input[type="file"]').setInputFiles(bad);
    await page.getByRole('button', { name: 'Check file (dry run)' }).click();
    const rows = page.getByRole('table', { name: 'Bad rows of the file' });
    await visible(page.getByText('Nothing was imported'));
    await expect.poll(() => rows.getByRole('row').nth(1).textContent(), patiently).toMatch(/^3\s*emailId\s*\S/);
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await expectAccessibleBothThemes(page, 'import with a bad row');

    const fixed = join(files, 'fixed.csv');
    writeFileSync(
      fixed,
      `${header}\nN-1,Nia Brown,nia@example.com,active,false,false\nN-2,Omar Said,omar@example.com,active,false,true\n`,
    );
    await page.locator('input[type="file"]').setInputFiles(fixed);
    await page.getByRole('button', { name: 'Check file (dry run)' }).click();
    await visible(page.getByText('2 rows: 2 would be created, 0 would be updated, 0 unchanged.', { exact: false }));
    expect((await api('/lectern/v1/employees?search=omar')).body.employees).toEqual([]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await visible(page.getByText('2 rows: 2 were created, 0 were updated, 0 unchanged.'));
    const omar = (await api('/lectern/v1/employees?search=omar')).body.employees as { roles: string[] }[];
    expect(omar).toHaveLength(1);
    expect(omar[0]!.roles).toEqual(['trainer']);
    await page.context().close();
  }, 300_000);

  it('adds a location with its time zone and a room in it; a location in use is not deleted (409 shown)', async () => {
    const page = await adminPage();
    await page.getByRole('link', { name: 'Reference data' }).click();
    await visible(heading(page, 'Reference data'));
    await visible(page.getByRole('cell', { name: 'Utrecht, Netherlands', exact: true }));
    await expectAccessibleBothThemes(page, 'locations');

    await page.getByRole('button', { name: 'Add location' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a location' });
    await dialog.getByLabel('Name').fill('Harbour Office');
    await dialog.getByRole('combobox', { name: 'Time zone' }).fill('Berlin');
    await page.getByRole('option', { name: 'Europe/Berlin' }).click();
    await dialog.getByLabel('City').fill('Hamburg');
    await expectAccessibleBothThemes(page, 'add a location');
    await dialog.getByRole('button', { name: 'Save location' }).click();
    await visible(page.getByText('Saved Harbour Office.'));
    await visible(page.getByRole('cell', { name: 'Europe/Berlin', exact: true }));

    await page.getByRole('button', { name: 'Delete Chennai, Estancia IT Park' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await visible(page.getByRole('dialog').getByText(/is used by 2 rooms/));
    await expectAccessibleBothThemes(page, 'deleting a location in use');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('tab', { name: 'Rooms' }).click();
    await visible(page.getByRole('cell', { name: 'Lone Star Hall', exact: true }));
    await expectAccessibleBothThemes(page, 'rooms');
    await page.getByRole('button', { name: 'Add room' }).click();
    const room = page.getByRole('dialog', { name: 'Add a room' });
    await room.getByLabel('Name').fill('Dock Room');
    await room.getByRole('combobox', { name: 'Location' }).click();
    await page.getByRole('option', { name: 'Harbour Office' }).click();
    await room.getByLabel('Capacity').fill('8');
    await room.getByLabel('Facilities').fill('Whiteboard');
    await room.getByLabel('Facilities').press('Enter');
    await expectAccessibleBothThemes(page, 'add a room');
    await room.getByRole('button', { name: 'Save room' }).click();
    await visible(page.getByText('Saved Dock Room.'));
    await visible(page.getByRole('row', { name: /Dock Room/ }));

    for (const tab of ['Course categories', 'Grade categories']) {
      await page.getByRole('tab', { name: tab }).click();
      await visible(page.getByRole('table', { name: `${tab} of the portal` }));
      await expectAccessibleBothThemes(page, tab);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('tab', { name: 'Locations' }).click();
    await visible(page.getByRole('cell', { name: 'Harbour Office', exact: true }));
    await expectFits(page, 'locations');
    await page.context().close();
  }, 300_000);

  it("changes a setting, and shows the API's 400 at the field it names", async () => {
    const page = await adminPage();
    await page.getByRole('link', { name: 'Settings' }).click();
    await visible(heading(page, 'Settings'));
    await expectAccessibleBothThemes(page, 'settings');
    await page.getByRole('combobox', { name: 'Week starts on' }).click();
    await page.getByRole('option', { name: 'Saturday' }).click();
    await page.getByLabel('Sender address').fill('training-at-example');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await visible(page.getByText(/Invalid value for mailSender\.address/));
    await expect.poll(() => page.getByLabel('Sender address').getAttribute('aria-invalid'), patiently).toBe('true');
    await expectAccessibleBothThemes(page, 'settings with a field error');
    expect((await api('/lectern/v1/portal/settings')).body.weekStart).not.toBe('saturday');

    await page.getByLabel('Sender address').fill('training@example.com');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await visible(page.getByText('Settings saved.'));
    expect((await api('/lectern/v1/portal/settings')).body).toMatchObject({
      weekStart: 'saturday',
      mailSender: { address: 'training@example.com' },
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await expectFits(page, 'settings');
    await page.goto(`${lectern.baseUrl}/admin/people`);
    await visible(page.getByRole('link', { name: 'Emeka Okafor' }));
    await expectFits(page, 'people');
    await page.context().close();
  }, 300_000);

  it('keeps a learner out of every page, and the API refuses them too', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, lectern.baseUrl, erecnoOf(lectern, 'Emeka Okafor'));
    expect(await page.getByRole('link', { name: 'People' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Reference data' }).count()).toBe(0);
    for (const path of ['/admin/people', '/admin/people/import', '/admin/reference-data', '/admin/settings']) {
      await page.goto(`${lectern.baseUrl}${path}`);
      await visible(heading(page, 'Not allowed'));
    }
    await expectAccessible(page, 'not allowed');
    const session = await page.evaluate(() => JSON.parse(sessionStorage.getItem('lectern.session') ?? 'null'));
    const headers = { authorization: `Zoho-oauthtoken ${session.accessToken}`, 'content-type': 'application/json' };
    const call = (path: string, method = 'GET', body?: unknown) =>
      fetch(`${lectern.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await call('/lectern/v1/employees')).status).toBe(403);
    expect((await call('/lectern/v1/portal/settings', 'PATCH', { weekStart: 'friday' })).status).toBe(403);
    expect((await call('/lectern/v1/locations', 'POST', { name: 'Mine' })).status).toBe(403);
    expect((await api('/lectern/v1/portal/settings')).body.weekStart).not.toBe('friday');
    await context.close();
  }, 180_000);
});
