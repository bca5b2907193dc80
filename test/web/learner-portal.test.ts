/**
 * The learner portal in Chromium against Lectern on a real socket: a learner finds a course in the catalog, enrols,
 * meets locked modules that say why ("Finish Module 1 first", "Opens on 05-Feb-2026"), downloads a file, reads an
 * e-material, completes a module and sees the progress move; joins a full batch's waitlist; sees their sessions and
 * makes their calendar link. axe on every page, light and dark, 1280 and 390 px: no serious or critical violation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlendedCourse, insertBatch } from '../helpers/blended.ts';
import { browserMissing, expectAccessible, launchBrowser, seedWorld, signInAs } from '../helpers/browser.ts';
import { selfPacedCourse } from '../helpers/completion.ts';
import { addContent } from '../helpers/content.ts';
import { seatLearners } from '../helpers/enrolments.ts';
import { notes, upload } from '../helpers/files.ts';
import { type LiveLectern, startLiveLectern } from '../helpers/live-server.ts';
import { erecnoOf } from '../helpers/sessions.ts';

if (browserMissing()) {
  console.warn('\nSKIPPED test/web/learner-portal.test.ts: /usr/bin/chromium is missing (apt-get install chromium).\n');
}

describe.skipIf(browserMissing())('the learner portal in a browser', () => {
  let lectern: LiveLectern;
  let browser: Browser;
  let seated: string;
  let learner: string;
  let fullCourseId: string;

  beforeAll(async () => {
    lectern = await startLiveLectern({ env: { LECTERN_PUBLIC_URL: '' } });
    ({ learner: seated } = await seedWorld(lectern));
    learner = erecnoOf(lectern, 'Fatima Zahra');
    // The server's clock reads 5 January 2026: Module 3 opens a month later.
    const safeLifting = await selfPacedCourse(
      lectern,
      { entity: 1, module: 2 },
      [
        { name: 'Module 1', links: [{ name: 'Lifting video' }] },
        { name: 'Module 2', lockType: 2, links: [{ name: 'Practice' }] },
        { name: 'Module 3', lockType: 1, lockUntil: '05-02-2026', links: [{ name: 'Exam day' }] },
      ],
      { name: 'Safe lifting' },
    );
    await addContent(
      lectern,
      { courseId: safeLifting.courseId, moduleId: safeLifting.modules['Module 1'] },
      { name: 'Lifting guide', isMandatory: false, content: '<p>Keep your back <strong>straight</strong>.</p>' },
    );
    const uploaded = await upload(
      lectern,
      `/api/v1/courses/${safeLifting.courseId}/modules/${safeLifting.modules['Module 1']}/files`,
      {
        fileData: { name: 'Checklist', isMandatory: false, enableDownload: true },
        file: notes,
      },
    );
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    // A blended course whose only batch is full and keeps a waitlist.
    fullCourseId = await createBlendedCourse(lectern);
    const db = lectern.app.lectern.db;
    await db
      .updateTable('courses')
      .set({ status: 1, name: 'Forklift licence' })
      .where('id', '=', fullCourseId)
      .execute();
    const batchId = await insertBatch(lectern, fullCourseId, {
      name: 'January batch',
      startDate: '2026-01-20',
      endDate: '2026-01-30',
      maximumCapacity: 1,
      allowWaitlisting: true,
      publishStatus: 'published',
    });
    await seatLearners(lectern, { courseId: fullCourseId, batchId }, [erecnoOf(lectern, 'Gustav Lind')]);
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await lectern?.close();
  });

  async function freshPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    return context.newPage();
  }

  /**
   * axe in the current theme, then in the other one, then back. The pointer is moved off the page first: a hovered
   * active navigation link (the shell's, after clicking it) is not what these pages are checked for.
   */
  async function accessibleInBothThemes(page: Page, label: string): Promise<void> {
    const toggle = page.getByRole('button', { name: /Switch to (dark|light) theme/ });
    await page.mouse.move(0, 0);
    await expectAccessible(page, label);
    await toggle.click();
    await page.mouse.move(0, 0);
    await expectAccessible(page, `${label}, other theme`);
    await toggle.click();
  }

  const visible = (page: Page, text: string | RegExp) =>
    expect.poll(() => page.getByText(text).first().isVisible(), { timeout: 10_000 }).toBe(true);

  it('enrols from the catalog, shows why modules are locked, and moves the progress on completing one', async () => {
    const page = await freshPage();
    await signInAs(page, lectern.baseUrl, learner);
    await expect.poll(() => page.getByRole('heading', { name: 'My courses', level: 1 }).isVisible()).toBe(true);
    await accessibleInBothThemes(page, 'my courses');

    await page.getByRole('link', { name: 'Catalog' }).click();
    await page.getByLabel('Search courses').fill('Safe lift');
    await expect.poll(() => page.getByRole('link', { name: 'Safe lifting' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: /^Onboarding/ }).count()).toBe(0);
    await accessibleInBothThemes(page, 'catalog, searched');
    await page.getByRole('link', { name: 'Safe lifting' }).click();
    await page.waitForURL(/\/learn\/courses\/\d+$/);
    await expect.poll(() => page.getByRole('heading', { name: 'Safe lifting', level: 1 }).isVisible()).toBe(true);
    await accessibleInBothThemes(page, 'course page, not enrolled');

    await page.getByRole('button', { name: 'Enrol', exact: true }).click();
    await expect.poll(() => page.getByTestId('course-progress').textContent()).toBe('0 of 5 Completed');
    await visible(page, 'Finish Module 1 first');
    await visible(page, 'Opens on 05-Feb-2026');
    const second = page.getByRole('region', { name: 'Module 2' });
    await expect.poll(() => second.getByRole('button', { name: /Mark as complete/ }).count()).toBe(0);
    await accessibleInBothThemes(page, 'course page, enrolled, locked modules');

    // The link opens where it points; the e-material reads in a dialog that closes by keyboard.
    await expect
      .poll(() => page.getByRole('link', { name: 'Open link Lifting video' }).getAttribute('href'))
      .toBe('https://example.org/read');
    const dialog = page.getByRole('dialog', { name: 'Lifting guide' });
    // The dialog holds the focus (the theme button is behind it): it is opened once in each theme.
    for (const theme of ['this theme', 'the other theme']) {
      await page.getByRole('button', { name: 'Read Lifting guide' }).click();
      await expect.poll(() => dialog.getByText('straight').isVisible()).toBe(true);
      await page.mouse.move(0, 0);
      await expectAccessible(page, `e-material dialog, ${theme}`);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
    }

    // The file downloads with its own name (the API's download, with the session's token).
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download Checklist' }).click();
    expect((await downloading).suggestedFilename()).toBe('notes.txt');

    await page.getByRole('button', { name: 'Mark as complete Lifting video' }).click();
    await expect.poll(() => page.getByTestId('course-progress').textContent()).toBe('1 of 5 Completed');
    await expect.poll(() => page.getByText('Finish Module 1 first').count()).toBe(0);
    await expect
      .poll(() =>
        page.getByRole('region', { name: 'Module 1' }).getByText('Completed', { exact: true }).first().isVisible(),
      )
      .toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Mark as complete Practice' }).isVisible()).toBe(true);
    await visible(page, 'Opens on 05-Feb-2026');

    await page.setViewportSize({ width: 390, height: 844 });
    await accessibleInBothThemes(page, 'course page, 390 px');
    // My courses lists it now, with its progress.
    await page.goto(`${lectern.baseUrl}/learn`);
    await expect.poll(() => page.getByRole('link', { name: 'Safe lifting' }).isVisible()).toBe(true);
    await visible(page, '1 of 5 Completed');
    await page.context().close();
  }, 300_000);

  it('joins the waitlist of a full batch, by keyboard', async () => {
    const page = await freshPage();
    await signInAs(page, lectern.baseUrl, learner);
    await page.goto(`${lectern.baseUrl}/learn/courses/${fullCourseId}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Forklift licence', level: 1 }).isVisible()).toBe(true);
    await visible(page, 'Full: 0 on the waitlist');
    await accessibleInBothThemes(page, 'blended course page');
    await page.getByRole('button', { name: 'Join the waitlist' }).focus();
    await page.keyboard.press('Enter');
    await visible(page, 'On the waitlist');
    await visible(page, 'You are on the waitlist');
    await visible(page, 'Full: 1 on the waitlist');
    await page.setViewportSize({ width: 390, height: 844 });
    await accessibleInBothThemes(page, 'blended course page, waitlisted, 390 px');
    await page.context().close();
  }, 120_000);

  it("shows a learner their batch's sessions and makes their calendar link", async () => {
    const page = await freshPage();
    await signInAs(page, lectern.baseUrl, seated);
    await page.getByRole('link', { name: 'My calendar' }).click();
    await page.waitForURL(/\/learn\/calendar$/);
    await expect.poll(() => page.getByRole('cell', { name: 'Kick-off workshop' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: 'Hands-on lab' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Get my calendar link' }).click();
    const link = page.getByLabel('Your calendar link');
    await expect.poll(() => link.inputValue()).toMatch(/\/lectern\/v1\/feeds\/[^/]+\.ics$/);
    const feed = await fetch(await link.inputValue());
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('Kick-off workshop');
    await expect.poll(() => page.getByRole('button', { name: 'Copy link' }).isVisible()).toBe(true);
    await accessibleInBothThemes(page, 'my calendar');
    await page.setViewportSize({ width: 390, height: 844 });
    await accessibleInBothThemes(page, 'my calendar, 390 px');
    await page.context().close();
  }, 120_000);
});
