/**
 * The admin console in Chromium against Lectern on a real socket: the dashboard's numbers, a course's progress
 * chart, creating a webhook and reading its delivery log, the control room (advance the portal clock, read a
 * captured e-mail); a learner cannot open these pages and the API refuses them. Every page passes axe (no serious
 * or critical violation) in light and dark, at 1280 and 390 px. A second portal of 1,000 courses logs how soon the
 * dashboard's numbers appear (logged for the note, never asserted: speed belongs in the benchmark).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBatch } from '../helpers/blended.ts';
import {
  browserMissing,
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  seedWorld,
  signInAs,
} from '../helpers/browser.ts';
import { seedManyCourses } from '../helpers/dashboard-volume.ts';
import { enrol, seatLearners } from '../helpers/enrolments.ts';
import { type LiveLectern, startLiveLectern } from '../helpers/live-server.ts';
import { erecnoOf } from '../helpers/sessions.ts';

if (browserMissing()) {
  console.warn('\nSKIPPED test/web/admin-console.test.ts: /usr/bin/chromium is missing (apt-get install chromium).\n');
}

/** axe at 1280 px in light and dark, then at 390 px (light); the page is left light at 1280 px. */
async function checkEverywhere(page: Page, label: string): Promise<void> {
  // The pointer off whatever was clicked last: a hovered link's colours are not the page's.
  await page.mouse.move(0, 0);
  await expectAccessible(page, `${label}, light`);
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expectAccessible(page, `${label}, dark`);
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, `${label}, 390 px`);
  await expectNoSidewaysScroll(page, `${label}, 390 px`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe.skipIf(browserMissing())('the admin console in a browser', () => {
  let lectern: LiveLectern;
  let browser: Browser;
  let people: { learner: string; trainer: string };
  let place: { courseId: string; batchId: string };

  beforeAll(async () => {
    lectern = await startLiveLectern({ env: { LECTERN_PUBLIC_URL: '' } });
    // The server's clock at the browser's time, so that "the next 14 days" are the same days on both sides.
    lectern.clock.set(Date.now());
    people = await seedWorld(lectern);
    const batches = await lectern.app.lectern.db
      .selectFrom('batches')
      .select(['id', 'course_id'])
      .where('portal_id', '=', lectern.portalId)
      .execute();
    const [first] = batches;
    if (first === undefined) throw new Error('seedWorld made no batch');
    place = { courseId: first.course_id, batchId: first.id };
    // A batch that ended ten days ago, one learner still in it: overdue.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const ended = await insertBatch(lectern, place.courseId, {
      name: 'Ended batch',
      startDate: day(-40),
      endDate: day(-10),
      publishStatus: 'published',
    });
    await seatLearners(lectern, { courseId: place.courseId, batchId: ended }, [erecnoOf(lectern, 'Fatima Zahra')]);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await lectern?.close();
  });

  async function adminPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // Deleting a webhook asks first.
    page.on('dialog', (dialog) => dialog.accept());
    await signInAs(page, lectern.baseUrl, lectern.adminErecno);
    return page;
  }

  const statOf = (page: Page, id: string) => page.getByTestId(id).locator('p').nth(1).textContent();

  it("shows the dashboard's numbers and a course's progress chart", async () => {
    const page = await adminPage();
    await expect.poll(() => statOf(page, 'stat-sessions'), { timeout: 10_000 }).toBe('2');
    expect(await statOf(page, 'stat-batches')).toBe('1');
    expect(await statOf(page, 'stat-overdue')).toBe('1');
    expect(await statOf(page, 'stat-failed')).toBe('0');
    expect(await page.getByRole('cell', { name: 'Kick-off workshop' }).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: 'Fatima Zahra' }).isVisible()).toBe(true);
    await checkEverywhere(page, 'dashboard');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
    await page.waitForURL(/\/admin\/progress$/);
    await page.getByLabel('Find a course').fill('Blended');
    await page.getByRole('link', { name: /^Blended course/ }).click();
    await page.waitForURL(/\/admin\/progress\/\d+$/);
    await page
      .getByRole('group', { name: 'Batch' })
      .getByRole('button', { name: /^Batch \d+$/ })
      .click();
    await expect.poll(() => page.getByTestId('completion-chart').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: 'Emeka Okafor' }).isVisible()).toBe(true);
    expect(await page.getByTestId('completion-distribution').textContent()).toContain('Not started');
    expect(await page.locator('[data-testid="completion-chart"] .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await checkEverywhere(page, 'course progress');
    await page.context().close();
  }, 120_000);

  it('creates a webhook and shows its delivery log', async () => {
    const page = await adminPage();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.waitForURL(/\/admin\/webhooks$/);
    await expect.poll(() => page.getByText('No webhooks yet.').isVisible()).toBe(true);
    await checkEverywhere(page, 'webhooks, none');
    await page.getByLabel('URL').fill('https://hooks.example.com/lectern');
    await page.getByRole('button', { name: 'Create webhook' }).click();
    await expect.poll(() => page.getByText('Webhook created').isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('cell', { name: 'https://hooks.example.com/lectern', exact: true }).isVisible())
      .toBe(true);
    await checkEverywhere(page, 'webhooks, one');
    // An event the webhook hears: a learner enrolled through the API.
    await enrol(lectern, place, [erecnoOf(lectern, 'Gustav Lind')]);
    await page.getByRole('link', { name: 'Delivery log of https://hooks.example.com/lectern' }).click();
    await page.waitForURL(/\/admin\/webhooks\/\d+$/);
    await expect.poll(() => page.getByRole('cell', { name: 'learner.enrolled.v1' }).first().isVisible()).toBe(true);
    await checkEverywhere(page, 'delivery log');
    await page.getByRole('link', { name: 'All webhooks' }).click();
    await page.getByRole('button', { name: 'Delete webhook https://hooks.example.com/lectern' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the webhook “https://hooks.example.com/lectern”?' });
    await expect.poll(() => confirm.getByText('its deliveries and their log').isVisible()).toBe(true);
    await expectAccessible(page, 'delete webhook dialog');
    await confirm.getByRole('button', { name: 'Delete webhook' }).click();
    await expect.poll(() => page.getByText('No webhooks yet.').isVisible()).toBe(true);
    await page.context().close();
  }, 120_000);

  it('advances the portal clock and reads a captured e-mail in the control room', async () => {
    const page = await adminPage();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Control room' }).click();
    await page.waitForURL(/\/admin\/control-room$/);
    const clock = page.getByTestId('portal-clock');
    await expect.poll(() => clock.textContent()).toContain("(the server's time)");
    const before = await page.locator('[data-testid="portal-clock"] code').textContent();
    await page.getByLabel('Advance by').fill('30m');
    await page.getByRole('button', { name: 'Advance' }).click();
    await expect.poll(() => clock.textContent()).toContain('(running, moved)');
    const after = await page.locator('[data-testid="portal-clock"] code').textContent();
    expect(Date.parse(after ?? '') - Date.parse(before ?? '')).toBeGreaterThanOrEqual(30 * 60_000);
    await checkEverywhere(page, 'control room');

    await page.getByRole('button', { name: 'Refresh mailbox' }).click();
    const subject = page
      .getByRole('region', { name: 'Captured e-mails' })
      .getByRole('table')
      .getByRole('button')
      .first();
    await expect.poll(() => subject.isVisible()).toBe(true);
    await subject.click();
    await expect.poll(async () => (await page.getByTestId('mail-text').textContent())?.length ?? 0).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Back to server time' }).click();
    await expect.poll(() => clock.textContent()).toContain("(the server's time)");
    await page.context().close();
  }, 120_000);

  it('keeps a learner out of every admin page, and the API refuses the calls too', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInAs(page, lectern.baseUrl, people.learner);
    for (const link of ['Progress', 'Webhooks', 'Control room']) {
      expect(await page.getByRole('link', { name: link, exact: true }).count()).toBe(0);
    }
    for (const path of ['/admin', '/admin/progress', '/admin/webhooks', '/admin/control-room']) {
      await page.goto(`${lectern.baseUrl}${path}`);
      await expect.poll(() => page.getByRole('heading', { name: 'Not allowed' }).isVisible()).toBe(true);
    }
    const session = await page.evaluate(() => JSON.parse(sessionStorage.getItem('lectern.session') ?? 'null'));
    const status = (path: string) =>
      fetch(`${lectern.baseUrl}${path}`, { headers: { authorization: `Zoho-oauthtoken ${session.accessToken}` } }).then(
        (response) => response.status,
      );
    expect(await status('/lectern/v1/dashboard')).toBe(403);
    expect(await status('/lectern/v1/webhooks')).toBe(403);
    expect(await status(`/lectern/v1/portals/${lectern.portalId}/clock`)).toBe(403);
    expect(await status(`/lectern/v1/portals/${lectern.portalId}/mailbox`)).toBe(403);
    await context.close();
  }, 120_000);
});

describe.skipIf(browserMissing())('the dashboard of a portal with 1,000 courses', () => {
  let lectern: LiveLectern;
  let browser: Browser;

  beforeAll(async () => {
    lectern = await startLiveLectern({ env: { LECTERN_PUBLIC_URL: '' } });
    lectern.clock.set(Date.now());
    await seedManyCourses(lectern, 1000);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await lectern?.close();
  });

  it("paints the dashboard's numbers (time logged, not asserted)", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInAs(page, lectern.baseUrl, lectern.adminErecno);
    await page.reload();
    await expect.poll(() => page.getByTestId('stat-batches').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await statOf(page)).toBe('1000');
    const painted = await page.evaluate(
      () => performance.getEntriesByName('lectern:dashboard-painted')[0]?.startTime ?? Number.NaN,
    );
    expect(painted).toBeGreaterThan(0);
    console.log(`dashboard with 1,000 courses: numbers painted ${Math.round(painted)} ms after navigation start`);
    await expectAccessible(page, 'dashboard with 1,000 courses');
    await context.close();

    function statOf(on: Page) {
      return on.getByTestId('stat-batches').locator('p').nth(1).textContent();
    }
  }, 120_000);
});
