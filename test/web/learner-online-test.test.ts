/**
 * A learner takes an online test in Chromium against Lectern on a real socket: opens the test from the course page,
 * answers a single and a multiple choice question (by keyboard where it counts), submits, is told they passed and
 * how many attempts are left, and sees the module's progress move. axe on the test page, light and dark, 1280 and
 * 390 px: no serious or critical violation. Then the admin keeps the test's questions in the module editor.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, expectAccessible, launchBrowser, seedWorld, signInAs } from '../helpers/browser.ts';
import { enrol, selfPacedCourse } from '../helpers/completion.ts';
import { personNamed } from '../helpers/courses.ts';
import { type LiveLectern, startLiveLectern } from '../helpers/live-server.ts';
import { addOnlineTest, addQuestions } from '../helpers/online-test.ts';

if (browserMissing()) {
  console.warn(
    '\nSKIPPED test/web/learner-online-test.test.ts: /usr/bin/chromium is missing (apt-get install chromium).\n',
  );
}

describe.skipIf(browserMissing())('a learner takes an online test in a browser', () => {
  let lectern: LiveLectern;
  let browser: Browser;
  let learner: string;
  let courseId: string;
  let moduleId: string;

  beforeAll(async () => {
    lectern = await startLiveLectern({ env: { LECTERN_PUBLIC_URL: '' } });
    await seedWorld(lectern);
    const person = await personNamed(lectern, 'Fatima Zahra');
    learner = person.erecno;
    const built = await selfPacedCourse(
      lectern,
      { entity: 1, module: 2 },
      [{ name: 'Module 1', links: [{ name: 'Fire exits' }] }],
      { name: 'Fire safety' },
    );
    courseId = built.courseId;
    moduleId = built.modules['Module 1']!;
    const test = await addOnlineTest(lectern, built, moduleId, {
      name: 'Fire quiz',
      passPercentage: 60,
      maximumAttemptsAllowed: 3,
    });
    await addQuestions(lectern, test, [
      {
        text: 'Which extinguisher suits an electrical fire?',
        kind: 'single',
        options: ['Water', 'CO2', 'Foam'],
        correctOptions: [1],
        marks: 2,
      },
      {
        text: 'What do you do first?',
        kind: 'multiple',
        options: ['Raise the alarm', 'Finish lunch', 'Leave by the exit'],
        correctOptions: [0, 2],
        marks: 2,
      },
    ]);
    await enrol(lectern, built, [person]);
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await lectern?.close();
  });

  async function accessibleInBothThemes(page: Page, label: string): Promise<void> {
    await page.mouse.move(0, 0);
    await expectAccessible(page, label);
    // The dialog holds the focus, so the theme is switched by the colour scheme the page asks the browser for.
    await page.emulateMedia({ colorScheme: 'dark' });
    const scheme = () => page.evaluate(() => document.documentElement.dataset.mantineColorScheme);
    await expect.poll(scheme).toBe('dark');
    await page.mouse.move(0, 0);
    await expectAccessible(page, `${label}, dark`);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(scheme).toBe('light');
  }

  it('answers the questions, passes, and sees the module progress move', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInAs(page, lectern.baseUrl, learner);
    await page.goto(`${lectern.baseUrl}/learn/courses/${courseId}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Fire safety', level: 1 }).isVisible()).toBe(true);
    const progress = page.getByTestId(`module-progress-${moduleId}`);
    await expect.poll(() => progress.textContent()).toBe('0 of 2 completed');

    await page.getByRole('button', { name: 'Take test Fire quiz' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fire quiz' });
    await expect.poll(() => dialog.getByText('3 of 3 attempts left').isVisible(), { timeout: 10_000 }).toBe(true);
    await dialog.getByRole('button', { name: 'Start the test' }).click();
    const first = dialog.getByRole('radiogroup', { name: /Which extinguisher/ });
    await expect.poll(() => first.isVisible(), { timeout: 10_000 }).toBe(true);
    await accessibleInBothThemes(page, 'test questions');

    // By keyboard: the radio group takes arrows, a checkbox takes the space bar.
    await first.getByRole('radio', { name: 'Water' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => first.getByRole('radio', { name: 'CO2' }).isChecked()).toBe(true);
    await dialog.getByRole('checkbox', { name: 'Raise the alarm' }).focus();
    await page.keyboard.press('Space');
    await dialog.getByRole('checkbox', { name: 'Leave by the exit' }).check();
    await expect.poll(() => dialog.getByRole('checkbox', { name: 'Raise the alarm' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Submit answers' }).click();

    await expect
      .poll(() => dialog.getByText('Passed', { exact: true }).first().isVisible(), { timeout: 10_000 })
      .toBe(true);
    await expect.poll(() => dialog.getByText('You scored 4 of 4 marks.').isVisible()).toBe(true);
    await expect.poll(() => dialog.getByText('2 of 3 attempts left.').isVisible()).toBe(true);
    await page.setViewportSize({ width: 390, height: 844 });
    await accessibleInBothThemes(page, 'test outcome, 390 px');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => progress.textContent()).toBe('1 of 2 completed');
    await context.close();
  }, 180_000);

  it("the admin lists, adds and deletes a test's questions in the module editor", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInAs(page, lectern.baseUrl, lectern.adminErecno);
    await page.goto(`${lectern.baseUrl}/admin/courses/${courseId}`);
    const test = page.getByRole('region', { name: 'Online test Fire quiz' });
    await expect.poll(() => test.isVisible(), { timeout: 10_000 }).toBe(true);
    await test.getByRole('button', { name: 'Questions of Fire quiz' }).click();
    const list = test.getByRole('list', { name: 'Questions of Fire quiz' });
    await expect.poll(() => list.getByRole('listitem').count(), { timeout: 10_000 }).toBe(2);
    await accessibleInBothThemes(page, 'module editor, questions');

    await test.getByRole('textbox', { name: 'Question' }).fill('Where is the assembly point?');
    await test.getByRole('textbox', { name: 'Options, one a line' }).fill('Car park\nRoof');
    await test.getByRole('textbox', { name: /Right options/ }).fill('1');
    await test.getByRole('button', { name: 'Add question' }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(3);
    await expect.poll(() => list.getByText('right: Car park').isVisible()).toBe(true);
    await test.getByRole('button', { name: 'Delete question Where is the assembly point?' }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    await context.close();
  }, 120_000);
});
