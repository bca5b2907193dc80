/** The module presenter and the lock rule, without a database. */
import { describe, expect, it } from 'vitest';
import type { CourseModuleTable } from '../src/db/database.ts';
import { moduleDurationText, presentCourseModule } from '../src/features/modules/module.presenter.ts';
import { isModuleLocked } from '../src/features/progress/progress.rules.ts';

const row: CourseModuleTable = {
  id: '219225000000648001',
  portal_id: '100000000000000001',
  course_id: '219225000000600001',
  batch_id: null,
  name: 'Module One',
  description: 'Description for module',
  duration_minutes: 100,
  lock_type: 1,
  lock_until: '2021-12-27',
  position: 1,
  created_at: 0,
  updated_at: 0,
};

describe('presentCourseModule', () => {
  it("writes the Update Modules sample's object, keys in its order, then courseId and batchId", () => {
    expect(JSON.stringify(presentCourseModule({ courseModule: row, isLocked: true }))).toBe(
      '{"duration":"100 Mins","lockUntil":"27-12-2021","isLocked":true,"moduleName":"Module One",' +
        '"description":"Description for module","lockType":"1","moduleId":"219225000000648001",' +
        '"courseId":"219225000000600001","batchId":null}',
    );
  });

  it('writes empty texts for no duration and no date', () => {
    const bare = { ...row, duration_minutes: null, lock_type: 0, lock_until: null, batch_id: '219225000000645215' };
    expect(presentCourseModule({ courseModule: bare, isLocked: false })).toMatchObject({
      duration: '',
      lockUntil: '',
      lockType: '0',
      batchId: '219225000000645215',
    });
  });

  it.each([
    [1, '1 Min'],
    [2, '2 Mins'],
    [100, '100 Mins'],
    [null, ''],
  ])('writes %s minutes as %j', (minutes, text) => {
    expect(moduleDurationText(minutes)).toBe(text);
  });
});

/** The lock rule as the Module API applies it to a caller without progress: the first module has nothing before it. */
function readsLocked(courseModule: CourseModuleTable, today: string, isFirst: boolean): boolean {
  return isModuleLocked(courseModule.lock_type, courseModule.lock_until, today, isFirst);
}

describe('isModuleLocked on module rows', () => {
  it('lockType 0 is never locked', () => {
    expect(readsLocked({ ...row, lock_type: 0, lock_until: null }, '2000-01-01', false)).toBe(false);
  });

  it('lockType 1 is locked strictly before lockUntil', () => {
    expect(readsLocked(row, '2021-12-26', false)).toBe(true);
    expect(readsLocked(row, '2021-12-27', false)).toBe(false);
    expect(readsLocked(row, '2022-01-01', false)).toBe(false);
  });

  it('lockType 2 is locked unless it is the first module', () => {
    const chained = { ...row, lock_type: 2, lock_until: null };
    expect(readsLocked(chained, '2021-12-26', true)).toBe(false);
    expect(readsLocked(chained, '2021-12-26', false)).toBe(true);
  });
});
