/**
 * The web app in a real browser: Debian's Chromium at /usr/bin/chromium driven by playwright-core (never a browser
 * download), signing in through the demo portal's person picker, axe's accessibility check, and a small world of
 * courses and sessions to look at.
 */
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createBlendedCourse, insertBatch } from './blended.ts';
import { createCourse } from './courses.ts';
import { seatLearners } from './enrolments.ts';
import { erecnoOf, insertModule, postSession, roomsOf } from './sessions.ts';
import type { TestLectern } from './test-app.ts';

/** Debian's Chromium (`apt-get install chromium`). */
export const chromiumPath = '/usr/bin/chromium';

/** Whether the browser tests can run here; in CI they must (a missing browser fails them there). */
export function browserMissing(): boolean {
  return !existsSync(chromiumPath) && process.env.CI === undefined;
}

/** Starts headless Chromium. */
export function launchBrowser(): Promise<Browser> {
  // --no-sandbox: the test machines run as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
}

/** Signs in from the app's sign-in page through the consent page's person picker; waits for the person's start page. */
export async function signInAs(page: Page, baseUrl: string, erecno: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/oauth\/v2\/auth\?/);
  await page.selectOption('#erecno', erecno);
  await page.getByRole('button', { name: 'Accept' }).click();
  await page.waitForURL(/\/(admin|trainer|learn)$/);
}

/**
 * Waits (up to 2 s) for the page's finite CSS transitions and animations to end: axe reads colours as they are at
 * that moment, and a theme switch or an opening dialog caught half-way reads as a contrast failure. Two frames pass
 * first, because a dialog just mounted starts its fade a frame later (CI's loaded run caught one before it began),
 * and it looks again after each wait, for a transition that one ending set off.
 */
async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const deadline = performance.now() + 2000;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const untilDeadline = () =>
      new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - performance.now())));
    await frame();
    await frame();
    while (performance.now() < deadline) {
      const running = document.getAnimations().filter((animation) => {
        const iterations = animation.effect?.getComputedTiming().iterations;
        return iterations !== undefined && Number.isFinite(iterations) && animation.playState === 'running';
      });
      if (running.length === 0) return;
      await Promise.race([
        Promise.all(running.map((animation) => animation.finished.catch(() => undefined))),
        untilDeadline(),
      ]);
      await frame();
    }
  });
}

/** axe's serious and critical violations on the page as it is now (id and the first node each), expected none. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await settleAnimations(page);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes[0]?.html ?? ''}`);
  expect(serious, label).toEqual([]);
}

/**
 * Expects the page to scroll down only, never sideways, once its transitions end (CI's loaded run measured a page 19 px
 * too wide straight after a resize), polling up to 10 s; on failure the message names the elements wider than the screen.
 */
export async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  await settleAnimations(page);
  const overflowing = () =>
    page.evaluate(() => {
      const limit = window.innerWidth;
      if (document.documentElement.scrollWidth <= limit) return [];
      return [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > limit)
        .slice(0, 3)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 80));
    });
  await expect.poll(overflowing, { message: `${label}: wider than the screen`, timeout: 10_000 }).toEqual([]);
}

/** A date `days` from today as Zoho writes it (DD-MM-YYYY) and as ISO (YYYY-MM-DD). */
function dayFromNow(days: number): { zoho: string; iso: string } {
  const date = new Date(Date.now() + days * 86_400_000);
  const iso = date.toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return { zoho: `${d}-${m}-${y}`, iso };
}

/** What the pages show: 30 courses (two pages), a published blended one with two upcoming sessions and a learner. */
export async function seedWorld(lectern: TestLectern): Promise<{ learner: string; trainer: string }> {
  const names = ['Safety basics', 'Onboarding', 'Customer care', 'Data privacy', 'Leadership', 'Excel for teams'];
  for (let index = 0; index < 29; index++) {
    await createCourse(lectern, lectern.adminToken, { name: `${names[index % names.length]} ${index + 1}` });
  }
  const courseId = await createBlendedCourse(lectern);
  const batchId = await insertBatch(lectern, courseId, {
    startDate: dayFromNow(1).iso,
    endDate: dayFromNow(30).iso,
    publishStatus: 'published',
  });
  const moduleId = await insertModule(lectern, courseId, batchId);
  const trainer = erecnoOf(lectern, 'Chen Wei');
  const rooms = await roomsOf(lectern);
  for (const [days, name] of [
    [2, 'Kick-off workshop'],
    [9, 'Hands-on lab'],
  ] as const) {
    const response = await postSession(
      lectern,
      { courseId, batchId, moduleId },
      {
        name,
        trainerErecno: trainer,
        type: '0',
        date: dayFromNow(days).zoho,
        startTime: '10:00 AM',
        endTime: '12:00 PM',
        roomId: rooms['Room One'],
      },
    );
    expect(response.statusCode, response.body).toBe(200);
  }
  // Published straight in the table: the publish rules (mandatory content) are not what these pages are about.
  await lectern.app.lectern.db.updateTable('courses').set({ status: 1 }).where('id', '=', courseId).execute();
  const learner = erecnoOf(lectern, 'Emeka Okafor');
  await seatLearners(lectern, { courseId, batchId }, [learner]);
  return { learner, trainer };
}
