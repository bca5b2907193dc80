/**
 * The admin console edits and deletes what it creates, in Chromium: the Courses page pages to the 26th course (the
 * dashboard only links to it); a batch is edited (a refusal shows at the field the API names), a session and a link
 * too; a session, the link and the batch are deleted after a dialog that says what goes with each; axe on every page
 * and dialog.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlendedCourse, insertBatch } from '../helpers/blended.ts';
import { browserMissing, expectAccessible, launchBrowser, signInAs } from '../helpers/browser.ts';
import { createCourse } from '../helpers/courses.ts';
import { type LiveLectern, startLiveLectern } from '../helpers/live-server.ts';
import { erecnoOf, insertModule, type ModulePath, postSession, roomsOf } from '../helpers/sessions.ts';

if (browserMissing()) {
  console.warn('\nSKIPPED test/web/admin-edit.test.ts: /usr/bin/chromium is missing (apt-get install chromium).\n');
}

/** A day `days` from today: ISO for the date inputs, DD-MM-YYYY as the API writes it. */
function dayFromNow(days: number): { iso: string; zoho: string } {
  const iso = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return { iso, zoho: `${d}-${m}-${y}` };
}

/** How long a change may take to show (a save, then the list's refetch) on a busy machine. */
const settled = { timeout: 10_000 };

describe.skipIf(browserMissing())('the admin console: editing, deleting and paging', () => {
  let lectern: LiveLectern;
  let browser: Browser;
  let place: ModulePath;

  /** What the API now holds under the batch (sessions, links) or the course (batches). */
  const count = async (path: string, key: string): Promise<number> => {
    const response = await lectern.app.inject({ method: 'GET', url: path, headers: lectern.auth(lectern.adminToken) });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json()[key] as unknown[]).length;
  };

  beforeAll(async () => {
    lectern = await startLiveLectern({ env: { LECTERN_PUBLIC_URL: '' } });
    // 29 courses, then the blended one: 30 in all, newest first, so the 26th is "Course 05".
    for (let index = 1; index <= 29; index++) {
      await createCourse(lectern, lectern.adminToken, { name: `Course ${String(index).padStart(2, '0')}` });
    }
    const courseId = await createBlendedCourse(lectern);
    const batchId = await insertBatch(lectern, courseId, {
      name: 'Spring intake',
      startDate: dayFromNow(1).iso,
      endDate: dayFromNow(30).iso,
    });
    place = { courseId, batchId, moduleId: await insertModule(lectern, courseId, batchId) };
    const rooms = await roomsOf(lectern);
    for (const [name, days] of [
      ['Theory', 3],
      ['Practice', 5],
    ] as const) {
      const response = await postSession(lectern, place, {
        name,
        trainerErecno: erecnoOf(lectern, 'Chen Wei'),
        type: '0',
        date: dayFromNow(days).zoho,
        startTime: '10:00 AM',
        endTime: '12:00 PM',
        roomId: rooms['Room One'],
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    const link = await lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses/${courseId}/batches/${batchId}/modules/${place.moduleId}/links`,
      headers: { ...lectern.auth(lectern.adminToken), 'content-type': 'application/json' },
      payload: { linkData: { name: 'Safety handbook', embedURL: 'https://example.com/handbook', isMandatory: true } },
    });
    expect(link.statusCode, link.body).toBe(200);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await lectern?.close();
  });

  /** 'closed' when no dialog is open, else the open dialog's text. */
  async function dialogText(page: Page): Promise<string> {
    const dialog = page.getByRole('dialog');
    return (await dialog.count()) === 0 ? 'closed' : ((await dialog.first().textContent()) ?? '');
  }

  async function adminPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, lectern.baseUrl, lectern.adminErecno);
    return page;
  }

  it('pages the Courses list to the 26th course, reached from the dashboard', async () => {
    const page = await adminPage();
    await page.getByRole('link', { name: 'Every course of the portal' }).click();
    await page.waitForURL(/\/admin\/courses$/);
    await expect.poll(() => page.getByText('1–25').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Course 05' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => page.getByText('26–30').isVisible(), settled).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: 'Course 05' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'course list, second page');
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => page.getByText('1–25').isVisible(), settled).toBe(true);
    await page.context().close();
  }, 120_000);

  it('edits a batch, a session and a link, and deletes a session, the link and the batch after saying what goes', async () => {
    const page = await adminPage();
    const { courseId, batchId } = place;
    await page.goto(`${lectern.baseUrl}/admin/courses/${courseId}/batches/${batchId}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Spring intake', level: 1 }).isVisible()).toBe(true);
    await expectAccessible(page, 'batch page');

    // An end before the start: the API's refusal shows at the End date field, and nothing is saved.
    await page.getByRole('textbox', { name: 'Batch name' }).fill('Spring intake, moved');
    await page.getByLabel('End date').fill(dayFromNow(0).iso);
    await page.getByRole('button', { name: 'Save batch' }).click();
    await expect.poll(() => page.getByLabel('End date').getAttribute('aria-invalid'), settled).toBe('true');
    expect(await page.getByRole('heading', { name: 'Spring intake', level: 1 }).isVisible()).toBe(true);
    await expectAccessible(page, 'batch form with a refusal at its field');
    await page.getByLabel('End date').fill(dayFromNow(40).iso);
    await page.getByRole('button', { name: 'Save batch' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Spring intake, moved', level: 1 }).isVisible(), settled)
      .toBe(true);

    // A session's name and times.
    await page.getByRole('button', { name: 'Edit Theory' }).click();
    const editDialog = page.getByRole('dialog');
    await editDialog.getByRole('textbox', { name: 'Session name' }).fill('Theory, revised');
    await editDialog.getByLabel('Starts').fill('13:00');
    await editDialog.getByLabel('Ends').fill('15:00');
    await expectAccessible(page, 'edit session dialog');
    await editDialog.getByRole('button', { name: 'Save session' }).click();
    // The dialog closes once saved; if it stays, its text (the API's refusal) is what the failure shows.
    await expect.poll(() => dialogText(page), settled).toBe('closed');
    await expect
      .poll(() => page.getByRole('cell', { name: 'Theory, revised', exact: true }).isVisible(), settled)
      .toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: /01:00 PM–03:00 PM/ }).isVisible(), settled).toBe(true);

    // Deleting a session: the dialog says its attendance goes; Cancel keeps it, Delete removes it.
    const sessions = `/api/v1/courses/${courseId}/batches/${batchId}/sessions`;
    await page.getByRole('button', { name: 'Delete session Practice' }).click();
    const sessionDialog = page.getByRole('dialog', { name: 'Delete the session “Practice”?' });
    await expect.poll(() => sessionDialog.getByText('its attendance marks').isVisible()).toBe(true);
    await expectAccessible(page, 'delete session dialog');
    await sessionDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await count(sessions, 'sessions')).toBe(2);
    await page.getByRole('button', { name: 'Delete session Practice' }).click();
    await sessionDialog.getByRole('button', { name: 'Delete session' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Practice', exact: true }).count(), settled).toBe(0);
    expect(await count(sessions, 'sessions')).toBe(1);

    // Editing the link (title and address, read back from the API), then deleting it: learners' progress goes too.
    const links = `/api/v1/courses/${courseId}/batches/${batchId}/links`;
    const module = page.getByRole('region', { name: /^Module / });
    await module.getByRole('button', { name: 'Edit Safety handbook' }).click();
    const linkEdit = page.getByRole('dialog', { name: 'Edit “Safety handbook”' });
    await linkEdit.getByRole('textbox', { name: 'Title' }).fill('Safety handbook, 2nd edition');
    await linkEdit.getByRole('textbox', { name: 'Address (URL)' }).fill('https://example.com/handbook-2');
    await expectAccessible(page, 'edit link dialog');
    await linkEdit.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => module.getByText('Safety handbook, 2nd edition').isVisible(), settled).toBe(true);
    const stored = await lectern.app.inject({ method: 'GET', url: links, headers: lectern.auth(lectern.adminToken) });
    expect(stored.json().links[0].link).toBe('https://example.com/handbook-2');
    await module.getByRole('button', { name: 'Delete link Safety handbook, 2nd edition' }).click();
    const linkDialog = page.getByRole('dialog', { name: 'Delete the link “Safety handbook, 2nd edition”?' });
    await expect.poll(() => linkDialog.getByText("learners' progress and completion on it").isVisible()).toBe(true);
    await expectAccessible(page, 'delete link dialog');
    await linkDialog.getByRole('button', { name: 'Delete link' }).click();
    await expect.poll(() => module.getByText('Nothing in this module yet.').isVisible(), settled).toBe(true);
    expect(await count(links, 'links')).toBe(0);

    // Deleting the batch names its sessions and learners, then leads back to the course.
    await page.getByRole('button', { name: 'Delete batch Spring intake, moved' }).click();
    const batchDialog = page.getByRole('dialog', { name: 'Delete the batch “Spring intake, moved”?' });
    await expect.poll(() => batchDialog.getByText('its sessions and their attendance').isVisible()).toBe(true);
    await expectAccessible(page, 'delete batch dialog');
    await batchDialog.getByRole('button', { name: 'Delete batch' }).click();
    await page.waitForURL(new RegExp(`/admin/courses/${courseId}$`));
    await expect.poll(() => page.getByText('No batches yet.').isVisible()).toBe(true);
    expect(await count(`/api/v1/courses/${courseId}/batches`, 'batches')).toBe(0);
    await expectAccessible(page, 'course page after the deletion');
    await page.context().close();
  }, 240_000);
});
