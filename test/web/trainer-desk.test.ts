/**
 * The trainer desk in Chromium: a trainer sees their sessions (list and calendar), marks a whole session's attendance
 * in one save (and the API then shows it), grades an offline test, and makes, copies and rotates their calendar feed
 * address. axe on every page, light and dark, and the pages at 390 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../helpers/assessments.ts';
import { createBlendedCourse, insertBatch } from '../helpers/blended.ts';
import {
  browserMissing,
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  signInAs,
} from '../helpers/browser.ts';
import { seatLearners } from '../helpers/enrolments.ts';
import { type LiveLectern, startLiveLectern } from '../helpers/live-server.ts';
import { erecnoOf, insertModule, type ModulePath, postSession } from '../helpers/sessions.ts';

if (browserMissing()) {
  console.warn('\nSKIPPED test/web/trainer-desk.test.ts: /usr/bin/chromium is missing (apt-get install chromium).\n');
}

/** A date `days` from today as Zoho writes it (DD-MM-YYYY) and as ISO (YYYY-MM-DD). */
function dayFromNow(days: number): { zoho: string; iso: string } {
  const iso = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return { zoho: `${d}-${m}-${y}`, iso };
}

describe.skipIf(browserMissing())('the trainer desk in a browser', () => {
  let lectern: LiveLectern;
  let browser: Browser;
  let path: ModulePath;
  let sessionId: string;
  let trainer: string;
  const learnerNames = ['Fatima Zahra', 'Gustav Lind', 'Hana Sato'];
  let learners: string[];
  let testId: string;

  beforeAll(async () => {
    lectern = await startLiveLectern({ env: { LECTERN_PUBLIC_URL: '' } });
    // The server's clock and the browser's agree on today, so "upcoming" means the same to both.
    lectern.clock.set(Date.now());
    const courseId = await createBlendedCourse(lectern);
    const dates = { startDate: dayFromNow(-5).iso, endDate: dayFromNow(30).iso, publishStatus: 'published' as const };
    const batchId = await insertBatch(lectern, courseId, dates);
    path = { courseId, batchId, moduleId: await insertModule(lectern, courseId, batchId) };
    trainer = erecnoOf(lectern, 'Chen Wei');
    const response = await postSession(lectern, path, {
      name: 'Safety drill',
      trainerErecno: trainer,
      type: '0',
      date: dayFromNow(1).zoho,
      startTime: '10:00 AM',
      endTime: '11:00 AM',
    });
    expect(response.statusCode, response.body).toBe(200);
    sessionId = response.json().session.sessionId;
    await lectern.app.lectern.db.updateTable('courses').set({ status: 1 }).where('id', '=', courseId).execute();
    learners = learnerNames.map((name) => erecnoOf(lectern, name));
    await seatLearners(lectern, path, learners);
    const moduleUrl = `/api/v1/courses/${courseId}/batches/${batchId}/modules/${path.moduleId}`;
    const test = await createItem(lectern, `${moduleUrl}/offlineTests`, 'offlineTestData', 'offlineTest', {
      name: 'Fire extinguisher practical',
      marks: 20,
      duration: 30,
    });
    testId = test.offlineTestId;
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await lectern?.close();
  });

  async function trainerPage(width = 1280): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    await signInAs(page, lectern.baseUrl, trainer);
    return page;
  }

  /** axe in the current theme, then in the other one, and back. */
  async function bothThemes(page: Page, label: string) {
    // The pointer rests off the page's controls: a hovered link's colours are not the page's.
    await page.mouse.move(0, 899);
    await expectAccessible(page, `${label}, first theme`);
    await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
    await expectAccessible(page, `${label}, other theme`);
    await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
  }

  const api = (url: string) =>
    fetch(`${lectern.baseUrl}${url}`, { headers: lectern.auth(lectern.adminToken) }).then((response) =>
      response.json(),
    );

  it('shows the sessions as a list and a calendar, and marks the whole session’s attendance in one save', async () => {
    const page = await trainerPage();
    expect(new URL(page.url()).pathname).toBe('/trainer');
    await expect.poll(() => page.getByRole('link', { name: 'Safety drill' }).isVisible()).toBe(true);
    await bothThemes(page, 'my sessions');

    await page.getByText('Calendar', { exact: true }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Calendar of your sessions' }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('.fc-event', { hasText: 'Safety drill' }).count()).toBeGreaterThan(0);
    await bothThemes(page, 'calendar');
    await page.getByRole('button', { name: 'Week' }).click();
    await expectAccessible(page, 'calendar, week');
    await page.getByText('Upcoming', { exact: true }).click();

    await page.getByRole('link', { name: 'Safety drill' }).click();
    await page.waitForURL(/\/trainer\/sessions\//);
    await expect.poll(() => page.getByRole('heading', { name: 'Safety drill', level: 1 }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('0 of 3 marked, 0 present').isVisible()).toBe(true);
    await bothThemes(page, 'session page');

    await page.getByRole('button', { name: 'Mark all present' }).click();
    const gustavRow = page.getByTestId(`attendance-${learners[1]}`);
    await gustavRow.getByText('Absent', { exact: true }).click();
    await expect.poll(() => page.getByText('3 of 3 marked, 2 present').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await expect.poll(() => page.getByText('Attendance saved').isVisible()).toBe(true);

    const roster = await api(
      `/lectern/v1/courses/${path.courseId}/batches/${path.batchId}/modules/${path.moduleId}/sessions/${sessionId}/attendance`,
    );
    const statuses = Object.fromEntries(
      roster.learners.map((learner: { learnerErecno: string; status: string }) => [
        learner.learnerErecno,
        learner.status,
      ]),
    );
    expect(statuses).toEqual({ [learners[0]!]: 'Present', [learners[1]!]: 'Absent', [learners[2]!]: 'Present' });
    expect(roster.session).toMatchObject({ presentLeanersCount: 2, totalLearnersCount: 3 });
    await page.context().close();
  }, 300_000);

  it('grades an offline test from the grading page', async () => {
    const page = await trainerPage();
    await page.getByRole('link', { name: 'Grading' }).click();
    await page.waitForURL(/\/trainer\/grading$/);
    await expect.poll(() => page.getByRole('link', { name: 'Fire extinguisher practical' }).isVisible()).toBe(true);
    await bothThemes(page, 'grading');
    await page.getByRole('link', { name: 'Fire extinguisher practical' }).click();
    await page.waitForURL(/\/trainer\/grading\/.+\/offlineTests\//);
    await expect.poll(() => page.getByLabel('Marks of Fatima Zahra').isVisible()).toBe(true);
    await bothThemes(page, 'marks sheet');
    await page.getByLabel('Marks of Fatima Zahra').fill('17');
    await page.getByLabel('Marks of Hana Sato').fill('20');
    await page.getByRole('button', { name: 'Save marks' }).click();
    await expect.poll(() => page.getByText('Marks saved').isVisible()).toBe(true);
    const sheet = await api(
      `/lectern/v1/courses/${path.courseId}/batches/${path.batchId}/modules/${path.moduleId}/offlineTests/${testId}/marks`,
    );
    const marks = sheet.learners.map((learner: { marks: number | null }) => learner.marks);
    expect(marks).toEqual([17, null, 20]);
    await page.context().close();
  }, 300_000);

  it('makes, copies and rotates the calendar feed address', async () => {
    const page = await trainerPage();
    await page.getByRole('link', { name: 'Calendar feed' }).click();
    await page.waitForURL(/\/trainer\/feed$/);
    await page.getByRole('button', { name: 'Make my feed address' }).click();
    const address = page.getByLabel('Feed address');
    await expect.poll(() => address.inputValue()).toMatch(/\/lectern\/v1\/feeds\/[^/]+\.ics$/);
    const first = await address.inputValue();
    const feed = await fetch(first);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('Safety drill');
    await page.getByRole('button', { name: 'Copy address' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Copied' }).isVisible()).toBe(true);
    await bothThemes(page, 'feed page');
    await page.getByRole('button', { name: 'Rotate address' }).click();
    await expect.poll(() => address.inputValue()).not.toBe(first);
    expect((await fetch(first)).status).toBe(404);
    expect((await fetch(await address.inputValue())).status).toBe(200);
    await page.context().close();
  }, 300_000);

  it('works at 390 px: the session page, grading and the feed, with the navigation', async () => {
    const page = await trainerPage(390);
    await expect.poll(() => page.getByRole('link', { name: 'Safety drill' }).isVisible()).toBe(true);
    await expectAccessible(page, 'my sessions, 390 px');
    await page.getByRole('link', { name: 'Safety drill' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Save attendance' }).isVisible()).toBe(true);
    await expectAccessible(page, 'session page, 390 px');
    // By keyboard: Mark all present, then one learner Absent with the arrow keys of their Present/Absent choice.
    await page.getByRole('button', { name: 'Mark all present' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('3 of 3 marked, 3 present').isVisible()).toBe(true);
    await page.getByTestId(`attendance-${learners[2]}`).getByRole('radio', { name: 'Present' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByText('3 of 3 marked, 2 present').isVisible()).toBe(true);
    for (const [link, heading] of [
      ['Grading', 'Grading'],
      ['Calendar feed', 'My calendar feed'],
    ] as const) {
      await page.getByRole('button', { name: 'Toggle navigation' }).click();
      await page.getByRole('link', { name: link }).click();
      await expect.poll(() => page.getByRole('heading', { name: heading, level: 1 }).isVisible()).toBe(true);
      await expectAccessible(page, `${heading}, 390 px`);
    }
    // No page scrolls sideways: wide tables scroll inside their own region.
    await expectNoSidewaysScroll(page, 'trainer desk');
    await page.context().close();
  }, 300_000);
});
