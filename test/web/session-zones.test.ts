/**
 * Sessions at their wall clock where they are held, in Chromium running in Tokyo (so the browser's zone never shows
 * through): the admin calendar and list, a drag with a real mouse that shows the clash check before saving and moves
 * the session across Chicago's change to daylight time (14 March 2027), the trainer desk and the learner's calendar.
 * axe, light and dark, with the pointer on the active navigation link.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlendedCourse, insertBatch } from '../helpers/blended.ts';
import { browserMissing, expectAccessible, launchBrowser, signInAs } from '../helpers/browser.ts';
import { seatLearners } from '../helpers/enrolments.ts';
import { type LiveLectern, startLiveLectern } from '../helpers/live-server.ts';
import { erecnoOf, insertModule, postSession, roomsOf } from '../helpers/sessions.ts';

if (browserMissing()) {
  console.warn('\nSKIPPED test/web/session-zones.test.ts: /usr/bin/chromium is missing (apt-get install chromium).\n');
}

/** Sets Mantine's colour scheme on the page, as the theme button does. */
function setScheme(page: Page, scheme: 'light' | 'dark') {
  return page.evaluate((value) => document.documentElement.setAttribute('data-mantine-color-scheme', value), scheme);
}

/** axe in the light theme and the dark one with the pointer on the page's active navigation link. */
async function expectAccessibleHoveringActiveLink(page: Page, name: string, label: string): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  expect(await link.getAttribute('data-active'), `${name} is the active link`).toBe('true');
  await link.hover();
  await expectAccessible(page, `${label}, hovered active link, light`);
  await setScheme(page, 'dark');
  await link.hover();
  await expectAccessible(page, `${label}, hovered active link, dark`);
  await setScheme(page, 'light');
}

describe.skipIf(browserMissing())('sessions in their own time zones, in a browser elsewhere', () => {
  let lectern: LiveLectern;
  let browser: Browser;
  let courseId: string;
  let batchId: string;
  let moduleId: string;
  let austinId: string;

  beforeAll(async () => {
    // Warn rather than refuse, so that a move onto a busy trainer can be confirmed.
    lectern = await startLiveLectern({ env: { LECTERN_PUBLIC_URL: '', LECTERN_BOOKING_CONFLICTS: 'warn' } });
    lectern.clock.set(Date.now());
    const rooms = await roomsOf(lectern);
    const chen = erecnoOf(lectern, 'Chen Wei');
    courseId = await createBlendedCourse(lectern);
    batchId = await insertBatch(lectern, courseId, {
      startDate: '2027-03-01',
      endDate: '2027-03-31',
      publishStatus: 'published',
    });
    moduleId = await insertModule(lectern, courseId, batchId);
    const path = { courseId, batchId, moduleId };
    const session = (name: string, date: string, startTime: string, endTime: string, room: string) =>
      postSession(lectern, path, {
        name,
        trainerErecno: chen,
        type: '0',
        date,
        startTime,
        endTime,
        roomId: rooms[room],
      });
    const austin = await session('Austin drill', '10-03-2027', '09:00 AM', '10:00 AM', 'Lone Star Hall');
    expect(austin.statusCode, austin.body).toBe(200);
    austinId = austin.json().session.sessionId;
    const utrecht = await session('Utrecht review', '19-03-2027', '04:00 PM', '05:00 PM', 'Canal View');
    expect(utrecht.statusCode, utrecht.body).toBe(200);
    // Chen Wei teaches in Austin's Training Lab on 17 March at 09:30: the clash a drag onto that day makes.
    const otherCourse = await createBlendedCourse(lectern);
    const otherBatch = await insertBatch(lectern, otherCourse, { startDate: '2027-03-01', endDate: '2027-03-31' });
    const otherModule = await insertModule(lectern, otherCourse, otherBatch);
    const busy = await postSession(
      lectern,
      { courseId: otherCourse, batchId: otherBatch, moduleId: otherModule },
      {
        name: 'Crane induction',
        trainerErecno: chen,
        type: '0',
        date: '17-03-2027',
        startTime: '09:30 AM',
        endTime: '10:30 AM',
        roomId: rooms['Training Lab'],
      },
    );
    expect(busy.statusCode, busy.body).toBe(200);
    await lectern.app.lectern.db.updateTable('courses').set({ status: 1 }).where('id', '=', courseId).execute();
    await seatLearners(lectern, { courseId, batchId }, [erecnoOf(lectern, 'Emeka Okafor')]);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await lectern?.close();
  });

  const inTokyo = () =>
    browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Tokyo', locale: 'en-US' });

  it('drags a session with the mouse, shows the clash before saving, and keeps its wall clock in Chicago', async () => {
    const context = await inTokyo();
    const page = await context.newPage();
    await signInAs(page, lectern.baseUrl, lectern.adminErecno);
    // Typed as a person would, unquoted: the 18-digit id must arrive whole (not as a rounded number).
    await page.goto(`${lectern.baseUrl}/admin/calendar?courseId=${courseId}`);
    const list = page.getByText('Austin drill: 10-03-2027 09:00 AM–10:00 AM CST (America/Chicago)');
    await expect.poll(() => list.isVisible(), { timeout: 15_000 }).toBe(true);
    await expect
      .poll(() => page.getByText(/Utrecht review: 19-03-2027 04:00 PM–05:00 PM GMT\+1/).isVisible())
      .toBe(true);
    const event = page.locator('.fc-event', { hasText: 'Austin drill' }).first();
    await expect.poll(() => event.isVisible()).toBe(true);
    // Placed at 09:00, its wall clock in Chicago, not Tokyo's 00:00 of the next day.
    expect(await event.textContent()).toContain('9a');
    expect(await event.textContent()).toContain('CST (America/Chicago)');
    await expectAccessibleHoveringActiveLink(page, 'Calendar', 'calendar');

    // The drag: press on the event, move in steps to 17 March's cell, release.
    const from = await event.boundingBox();
    const to = await page.locator('.fc-daygrid-day[data-date="2027-03-17"]').boundingBox();
    expect(from).not.toBeNull();
    expect(to).not.toBeNull();
    await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
    await page.mouse.down();
    await page.mouse.move(from!.x + from!.width / 2 + 10, from!.y + from!.height / 2 + 10, { steps: 5 });
    await page.mouse.move(to!.x + to!.width / 2, to!.y + to!.height / 2, { steps: 20 });
    await page.mouse.up();

    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByLabel('New date').inputValue()).toBe('2027-03-17');
    expect(await dialog.getByLabel('New start').inputValue()).toBe('09:00');
    expect(await dialog.textContent()).toContain('America/Chicago');
    const clashes = dialog.getByTestId('session-clashes');
    await expect.poll(() => clashes.isVisible()).toBe(true);
    expect(await clashes.textContent()).toContain(
      'The trainer Chen Wei is already booked for session "Crane induction"',
    );
    // Nothing saved yet.
    const before = await lectern.app.lectern.db
      .selectFrom('class_sessions')
      .select('date')
      .where('id', '=', austinId)
      .executeTakeFirstOrThrow();
    expect(before.date).toBe('2027-03-10');
    await dialog.getByRole('button', { name: 'Save anyway' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // Moved, through the API: the same wall clock, now on Chicago's daylight time.
    const response = await lectern.app.inject({
      url: `/lectern/v1/courses/${courseId}/batches/${batchId}/schedule`,
      headers: lectern.auth(lectern.adminToken),
    });
    const moved = response.json().sessions.find((s: { sessionId: string }) => s.sessionId === austinId);
    expect(moved).toMatchObject({
      sessionStartDate: '17-03-2027',
      sessionStartTime: '09:00 AM',
      sessionEndTime: '10:00 AM',
      timeZone: 'America/Chicago',
      startMillis: Date.UTC(2027, 2, 17, 14),
    });
    await expect
      .poll(() => page.getByText('Austin drill: 17-03-2027 09:00 AM–10:00 AM CDT (America/Chicago)').isVisible())
      .toBe(true);
    await context.close();
  }, 180_000);

  it("shows the trainer's and the learner's sessions at their wall clock, the zone named", async () => {
    const context = await inTokyo();
    const page = await context.newPage();
    await signInAs(page, lectern.baseUrl, erecnoOf(lectern, 'Chen Wei'));
    const row = page.getByRole('row', { name: /Utrecht review/ });
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.textContent()).toContain('4:00 PM – 5:00 PM GMT+1 (Europe/Amsterdam)');
    await page.getByRole('link', { name: 'Utrecht review' }).click();
    await expect.poll(() => page.getByText('04:00 PM – 05:00 PM (Europe/Amsterdam)').isVisible()).toBe(true);
    await context.close();

    const learnerContext = await inTokyo();
    const learnerPage = await learnerContext.newPage();
    await signInAs(learnerPage, lectern.baseUrl, erecnoOf(lectern, 'Emeka Okafor'));
    await learnerPage.goto(`${lectern.baseUrl}/learn/calendar`);
    await expect
      .poll(() => learnerPage.getByText('19-03-2027 04:00 PM–05:00 PM GMT+1 (Europe/Amsterdam)').isVisible())
      .toBe(true);
    await learnerContext.close();
  }, 120_000);
});
