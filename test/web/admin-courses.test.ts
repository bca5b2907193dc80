/**
 * The admin console's courses in Chromium: an admin builds a blended course with a batch, a module and two sessions,
 * is told in plain words why publishing is refused, adds a link and publishes; on the calendar a move onto a busy
 * trainer shows the clash before anything is saved, and a free slot saves. axe on every page, light and dark, and
 * at 390 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlendedCourse, insertBatch } from '../helpers/blended.ts';
import { browserMissing, expectAccessible, launchBrowser, signInAs } from '../helpers/browser.ts';
import { type LiveLectern, startLiveLectern } from '../helpers/live-server.ts';
import { erecnoOf, insertModule, postSession, roomsOf } from '../helpers/sessions.ts';

if (browserMissing()) {
  console.warn('\nSKIPPED test/web/admin-courses.test.ts: /usr/bin/chromium is missing (apt-get install chromium).\n');
}

/** A day `days` from today: ISO for the date inputs, DD-MM-YYYY as the API writes it. */
function dayFromNow(days: number): { iso: string; zoho: string } {
  const iso = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return { iso, zoho: `${d}-${m}-${y}` };
}

/** Picks an option of a Mantine Select (a combobox) by its label. */
async function pick(scope: Page | ReturnType<Page['getByRole']>, page: Page, label: string, option: string) {
  await scope
    .getByLabel(new RegExp(`^${label}`))
    .first()
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Sets Mantine's colour scheme on the page (as the theme button does; a modal's overlay keeps the button out of reach). */
function setScheme(page: Page, scheme: 'light' | 'dark') {
  return page.evaluate((value) => document.documentElement.setAttribute('data-mantine-color-scheme', value), scheme);
}

/** axe in the light theme and in the dark one, leaving the page light. */
async function expectAccessibleBothThemes(page: Page, label: string): Promise<void> {
  // The pointer rests outside the page's controls: a hovered link's colours are not what is checked.
  await page.mouse.move(1, 1);
  await expectAccessible(page, `${label}, light`);
  await setScheme(page, 'dark');
  await expectAccessible(page, `${label}, dark`);
  await setScheme(page, 'light');
}

describe.skipIf(browserMissing())('the admin console: courses, batches, sessions, calendar', () => {
  let lectern: LiveLectern;
  let browser: Browser;
  const busyDay = dayFromNow(7);

  beforeAll(async () => {
    lectern = await startLiveLectern({ env: { LECTERN_PUBLIC_URL: '' } });
    // Chen Wei is already teaching elsewhere on busyDay from 10:00 to 11:00: the clash the calendar must show.
    const otherCourse = await createBlendedCourse(lectern);
    const otherBatch = await insertBatch(lectern, otherCourse, {
      startDate: dayFromNow(1).iso,
      endDate: dayFromNow(30).iso,
    });
    const otherModule = await insertModule(lectern, otherCourse, otherBatch);
    const rooms = await roomsOf(lectern);
    const response = await postSession(
      lectern,
      { courseId: otherCourse, batchId: otherBatch, moduleId: otherModule },
      {
        name: 'Crane induction',
        trainerErecno: erecnoOf(lectern, 'Chen Wei'),
        type: '0',
        date: busyDay.zoho,
        startTime: '10:00 AM',
        endTime: '11:00 AM',
        roomId: rooms['Board Room'],
      },
    );
    expect(response.statusCode, response.body).toBe(200);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await lectern?.close();
  });

  it('builds a blended course with a batch and two sessions, publishes it, and reschedules through the calendar', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, lectern.baseUrl, lectern.adminErecno);

    // The course list, and a new blended course.
    await page.getByRole('link', { name: 'Courses', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Courses', level: 1 }).isVisible()).toBe(true);
    await expectAccessibleBothThemes(page, 'course list');
    await page.getByRole('link', { name: 'New course' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'New course' }).isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Forklift safety');
    await pick(page, page, 'Type', 'Blended learning');
    await page.getByRole('textbox', { name: 'Course code' }).fill('FS-101');
    await page.getByRole('textbox', { name: 'Description' }).fill('Driving a forklift safely in the warehouse.');
    await expectAccessibleBothThemes(page, 'new course');
    await page.getByRole('button', { name: 'Create course' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Forklift safety', level: 1 }).isVisible()).toBe(true);
    await expectAccessibleBothThemes(page, 'course page');

    // A batch.
    await page.getByRole('button', { name: 'New batch' }).click();
    await page.getByRole('textbox', { name: 'Batch name' }).fill('December intake');
    await page.getByLabel('Start date').fill(dayFromNow(1).iso);
    await page.getByLabel('End date').fill(dayFromNow(30).iso);
    await page.getByRole('button', { name: 'Create batch' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'December intake', level: 1 }).isVisible()).toBe(true);

    // A module, then two sessions in it.
    await page.getByRole('textbox', { name: 'Module name' }).fill('Day one');
    await page.getByRole('button', { name: 'Add module' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Day one' }).isVisible()).toBe(true);
    for (const [name, day] of [
      ['Theory', 3],
      ['Practice', 5],
    ] as const) {
      await page.getByRole('button', { name: 'New session' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Session name' }).fill(name);
      await dialog.getByLabel(/^Date/).fill(dayFromNow(day).iso);
      await dialog.getByLabel('Starts').fill('10:00');
      await dialog.getByLabel('Ends').fill('12:00');
      await pick(dialog, page, 'Trainer', 'Chen Wei');
      await pick(dialog, page, 'Room', 'Room One');
      if (name === 'Theory') await expectAccessibleBothThemes(page, 'new session dialog');
      await dialog.getByRole('button', { name: 'Create session' }).click();
      await expect.poll(() => page.getByRole('cell', { name, exact: true }).isVisible()).toBe(true);
    }

    // Publishing without anything mandatory to learn is refused, in plain words.
    await page.getByRole('button', { name: 'Publish batch' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'nothing mandatory' });
    await expect.poll(() => refusal.isVisible()).toBe(true);
    expect(await refusal.textContent()).toContain('Add at least one file or link');
    await expectAccessibleBothThemes(page, 'batch page with the refusal');

    // A mandatory link, then publishing works.
    const module = page.getByRole('region', { name: 'Module Day one' });
    await module.getByRole('textbox', { name: 'Title' }).fill('Safety handbook');
    await module.getByRole('textbox', { name: 'Address (URL)' }).fill('https://example.com/handbook');
    await module.getByRole('button', { name: 'Add to module' }).click();
    await expect.poll(() => module.getByText('Safety handbook').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Publish batch' }).click();
    await expect.poll(() => page.getByTestId('batch-published').isVisible()).toBe(true);

    // The calendar: month and week, then a move onto Chen Wei's busy hour shows the clash before saving.
    await page.getByRole('button', { name: 'Open calendar' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Calendar', level: 1 }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('.fc-event', { hasText: 'Theory' }).first().isVisible()).toBe(true);
    await expectAccessibleBothThemes(page, 'calendar, month');
    await page.getByRole('button', { name: 'Week' }).click();
    await expectAccessibleBothThemes(page, 'calendar, week');

    await page.getByRole('button', { name: 'Reschedule Theory' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('New date').fill(busyDay.iso);
    const clashes = dialog.getByTestId('session-clashes');
    await expect.poll(() => clashes.isVisible()).toBe(true);
    expect(await clashes.textContent()).toContain(
      'The trainer Chen Wei is already booked for session "Crane induction"',
    );
    expect(await dialog.getByRole('button', { name: 'Save anyway' }).isDisabled()).toBe(true);
    await expectAccessibleBothThemes(page, 'reschedule dialog with a clash');

    await dialog.getByLabel('New start').fill('14:00');
    await dialog.getByLabel('New end').fill('16:00');
    await expect.poll(() => dialog.getByText('The trainer and the room are free at this time.').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Save new time' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.getByText(`Theory: ${busyDay.zoho} 02:00 PM–04:00 PM`).isVisible()).toBe(true);

    // A phone's width.
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessibleBothThemes(page, 'calendar, 390 px');
    await page.goto(`${lectern.baseUrl}/admin/courses`);
    await expect.poll(() => page.getByRole('link', { name: 'Forklift safety' }).isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'Search courses' }).fill('Forklift');
    await expect.poll(() => page.getByRole('link', { name: /^Blended course/ }).count()).toBe(0);
    await expectAccessibleBothThemes(page, 'course list, 390 px');
    await context.close();
  }, 240_000);

  it('keeps a learner out of the course pages', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, lectern.baseUrl, erecnoOf(lectern, 'Fatima Zahra'));
    expect(await page.getByRole('link', { name: 'Courses', exact: true }).count()).toBe(0);
    await page.goto(`${lectern.baseUrl}/admin/courses`);
    await expect.poll(() => page.getByRole('heading', { name: 'Not allowed' }).isVisible()).toBe(true);
    await context.close();
  }, 120_000);
});
