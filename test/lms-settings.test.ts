import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personNamed } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern({
    env: { LECTERN_MAX_UPLOAD_BYTES: '2048', LECTERN_BOOKING_CONFLICTS: 'warn' },
    rateLimit: true,
  });
});
afterAll(() => lectern.close());

async function fetchSettings(token: string, url = '/api/v1/lmssettings') {
  return lectern.app.inject({ url, headers: lectern.auth(token) });
}

describe('GET /api/v1/lmssettings (Fetch Settings, part A #31)', () => {
  it("answers the portal's settings in Zoho's envelope to a READ token", async () => {
    const response = await fetchSettings(await lectern.token(['READ']));
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['code', 'settings', 'message']);
    expect(body.code).toBe('200');
    expect(body.message).toBe('success');
    const { settings } = body;
    expect(settings.portalId).toBe(lectern.portalId);
    expect(settings.timeZone).toBe('UTC');
    expect(settings.currentUserRole).toEqual({ admin: true, settingsAdmin: true, dataAdmin: true, trainer: false });
    expect(settings.whoCanCreateCourses).toEqual(['admin', 'trainer']);
    expect(settings.courseTypes).toEqual([
      { type: '1', typeAsDisplayString: 'Self paced learning' },
      { type: '2', typeAsDisplayString: 'Blended learning' },
      { type: '3', typeAsDisplayString: 'E-Material' },
    ]);
    expect(settings.defaultPermissionSettings).toEqual({
      whoCanEnroll: ['admin', 'courseAdmin', 'learner'],
      whoCanUnenroll: ['admin', 'courseAdmin', 'learner'],
      whenAnEntityIsConsideredAsCompleted: '1',
      whenACourseIsConsideredAsCompleted: '2',
      whenAModuleIsConsideredAsCompleted: '1',
    });
    expect(settings.gradeCategories.map((category: { name: string }) => category.name)).toEqual([
      'Assessment',
      'Quiz',
      'Project',
    ]);
    expect(settings.recordsPerPage).toBe(25);
    expect(settings.maximumUploadBytes).toBe(2048);
    expect(settings.bookingConflicts).toBe('warn');
    expect(settings.apiThreshold).toEqual({ enabled: true, requests: 30, periodSeconds: 60, lockPeriodSeconds: 300 });
  });

  it('matches the defaults a new course really gets', async () => {
    const token = lectern.adminToken;
    const created = await lectern.app.inject({
      method: 'POST',
      url: '/api/v1/courses',
      headers: lectern.auth(token),
      payload: { courseData: { name: 'Defaults', type: 1 } },
    });
    expect(created.statusCode, created.body).toBe(200);
    const { permissionSettings } = created.json().course;
    const { defaultPermissionSettings } = (await fetchSettings(token)).json().settings;
    expect(defaultPermissionSettings).toEqual({ ...permissionSettings });
  });

  it('follows the stored portal: its time zone and grade categories (the first 100, oldest first)', async () => {
    const { db } = lectern.app.lectern;
    await db.updateTable('portals').set({ time_zone: 'Europe/Berlin' }).where('id', '=', lectern.portalId).execute();
    const extra = Array.from({ length: 100 }, (_, index) => ({
      id: `9${String(index).padStart(17, '0')}`,
      portal_id: lectern.portalId,
      name: `Grade ${index}`,
      kind: 'grade' as const,
    }));
    await db.insertInto('categories').values(extra).execute();
    try {
      const { settings } = (await fetchSettings(lectern.adminToken)).json();
      expect(settings.timeZone).toBe('Europe/Berlin');
      expect(settings.gradeCategories).toHaveLength(100);
      expect(settings.gradeCategories.slice(0, 3).map((category: { name: string }) => category.name)).toEqual([
        'Assessment',
        'Quiz',
        'Project',
      ]);
      expect(settings.gradeCategories[99]).toEqual({ gradeCategoryId: extra[96]!.id, name: 'Grade 96' });
    } finally {
      await db.deleteFrom('categories').where('name', 'like', 'Grade %').execute();
      await db.updateTable('portals').set({ time_zone: 'UTC' }).where('id', '=', lectern.portalId).execute();
    }
  });

  it('shows each caller their own portal and roles; a learner and a trainer read it too', async () => {
    const learner = await personNamed(lectern, 'Fatima Zahra');
    const learnerView = (await fetchSettings(learner.token)).json().settings;
    expect(learnerView.currentUserRole).toEqual({
      admin: false,
      settingsAdmin: false,
      dataAdmin: false,
      trainer: false,
    });
    const trainer = await personNamed(lectern, 'Beatriz Santos');
    expect((await fetchSettings(trainer.token)).json().settings.currentUserRole.trainer).toBe(true);
    const other = await lectern.otherPortal();
    const otherView = (await fetchSettings(other.token)).json().settings;
    expect(otherView.portalId).toBe(other.portalId);
    expect(otherView.portalURLName).not.toBe(learnerView.portalURLName);
  });

  it('needs READ or ALL: 403 for a CREATE-only token, 401 without a token', async () => {
    expect((await fetchSettings(await lectern.token(['ALL']))).statusCode).toBe(200);
    const refused = await fetchSettings(await lectern.token(['CREATE']));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/^Sorry! You are not authorized to do this operation/);
    const anonymous = await lectern.app.inject({ url: '/api/v1/lmssettings' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('takes no parameters: a query string is ignored and the answer is the same', async () => {
    const token = await lectern.token(['READ']);
    const plain = await fetchSettings(token);
    const withQuery = await fetchSettings(token, '/api/v1/lmssettings?startIndex=abc&x=1');
    expect(withQuery.statusCode).toBe(200);
    expect(withQuery.json()).toEqual(plain.json());
  });
});
