import { describe, expect, it } from 'vitest';
import { defaultPermissionSettings, readPermissionSettings } from '../src/features/progress/completion-settings.ts';
import {
  blockingEntities,
  completionKey,
  computeProgress,
  type EntityFact,
  entityState,
  isModuleLocked,
  type LearnerFacts,
  type PlaceFacts,
  requiredEntities,
} from '../src/features/progress/progress.rules.ts';

const time = { today: '2026-01-10', now: Date.UTC(2026, 0, 10, 12) };

function entity(id: string, entityType: number, moduleId = 'm1', extra: Partial<EntityFact> = {}): EntityFact {
  return {
    id,
    entityType,
    moduleId,
    name: id,
    isMandatory: true,
    lockUntil: null,
    passPercentage: null,
    maximumMarks: null,
    ...extra,
  };
}

function place(
  settings: Partial<typeof defaultPermissionSettings>,
  entities: EntityFact[],
  extra: Partial<PlaceFacts> = {},
): PlaceFacts {
  return {
    place: { portalId: 'p', courseId: 'c', batchId: null },
    settings: { ...defaultPermissionSettings, ...settings },
    durationMs: null,
    batchEndDate: null,
    modules: [
      { id: 'm1', name: 'One', lockType: 0, lockUntil: null },
      { id: 'm2', name: 'Two', lockType: 2, lockUntil: null },
    ],
    entities,
    ...extra,
  };
}

function learner(extra: Partial<LearnerFacts> = {}): LearnerFacts {
  return {
    erecno: 'e',
    enrolment: { status: 'enrolled', createdAt: Date.UTC(2026, 0, 1) },
    completions: new Map(),
    marks: new Map(),
    onlineResults: new Map(),
    attendance: new Map(),
    ...extra,
  };
}

describe('module locks', () => {
  it('lockType 1 holds until the day of lockUntil; lockType 2 until the previous module is completed', () => {
    expect(isModuleLocked(0, null, '2026-01-10', false)).toBe(false);
    expect(isModuleLocked(1, '2026-01-11', '2026-01-10', true)).toBe(true);
    expect(isModuleLocked(1, '2026-01-10', '2026-01-10', false)).toBe(false);
    expect(isModuleLocked(2, null, '2026-01-10', false)).toBe(true);
    expect(isModuleLocked(2, null, '2026-01-10', true)).toBe(false);
  });
});

describe('entity states', () => {
  const settings = defaultPermissionSettings;
  it('a link: marked under rule 1, opened under rule 2', () => {
    const opened = learner({
      completions: new Map([[completionKey('entity', 'l'), { openedAt: 5, completedAt: null }]]),
    });
    expect(entityState(entity('l', 6), opened, settings).state).toBe('inProgress');
    expect(entityState(entity('l', 6), opened, { ...settings, whenAnEntityIsConsideredAsCompleted: 2 })).toEqual({
      state: 'completed',
      completedAt: 5,
      marks: null,
    });
  });

  it('tests and assignments by marks and pass percentage; sessions by presence', () => {
    const facts = learner({
      marks: new Map([['o', { marks: 4, at: 7 }]]),
      onlineResults: new Map([['q', { marks: 49, maximumMarks: 100, at: 8 }]]),
      attendance: new Map([
        ['s1', { status: 'present', at: 9 }],
        ['s2', { status: 'absent', at: 9 }],
      ]),
    });
    expect(entityState(entity('o', 0), facts, settings).state).toBe('completed');
    expect(entityState(entity('o', 0, 'm1', { passPercentage: 50, maximumMarks: 10 }), facts, settings).state).toBe(
      'inProgress',
    );
    expect(entityState(entity('q', 1, 'm1', { passPercentage: 50 }), facts, settings).state).toBe('inProgress');
    expect(entityState(entity('q', 1, 'm1', { passPercentage: 49 }), facts, settings).state).toBe('completed');
    expect(entityState(entity('s1', 5), facts, settings).state).toBe('completed');
    expect(entityState(entity('s2', 5), facts, settings).state).toBe('notStarted');
  });

  it('the required entities are the mandatory ones, or all of them when none is mandatory', () => {
    const optional = { isMandatory: false };
    expect(requiredEntities([{ isMandatory: true }, optional])).toEqual([{ isMandatory: true }]);
    expect(requiredEntities([optional, optional])).toHaveLength(2);
  });
});

describe('computeProgress', () => {
  const entities = [entity('a', 6), entity('b', 6, 'm1', { isMandatory: false }), entity('c', 3, 'm2')];
  const marked = (ids: string[]) =>
    learner({
      completions: new Map(ids.map((id) => [completionKey('entity', id), { openedAt: null, completedAt: 100 }])),
    });

  it('counts, percentage, module rule 2 and the lockType 2 chain', () => {
    const progress = computeProgress(place({ whenAModuleIsConsideredAsCompleted: 2 }, entities), marked(['a']), time);
    expect(progress).toMatchObject({
      isEnrolled: true,
      hasStarted: true,
      completedCount: 1,
      totalCount: 3,
      mandatoryCompletedCount: 1,
      mandatoryTotalCount: 2,
      percentage: 33,
      isCompleted: false,
    });
    expect(progress.modules.map((module) => [module.isCompleted, module.isLocked])).toEqual([
      [true, false],
      [false, false],
    ]);
    const none = computeProgress(place({ whenAModuleIsConsideredAsCompleted: 2 }, entities), learner(), time);
    expect(none.modules[1]!.isLocked).toBe(true);
    expect(none.modules[1]!.entities[0]).toMatchObject({ isLocked: true, canMarkAsComplete: false });
    expect(blockingEntities(none, 'c')!.map((entity) => entity.entityId)).toEqual(['a']);
    expect(blockingEntities(none, 'a')).toEqual([]);
    expect(blockingEntities(none, 'unknown')).toBeUndefined();
  });

  it('course rule 2 needs every mandatory entity; rule 1 and 3 read the course mark', () => {
    const rule2 = place({ whenAModuleIsConsideredAsCompleted: 2, whenACourseIsConsideredAsCompleted: 2 }, entities);
    expect(computeProgress(rule2, marked(['a', 'c']), time)).toMatchObject({ isCompleted: true, completedAt: 100 });
    const rule3 = place({ whenACourseIsConsideredAsCompleted: 3 }, entities);
    const byAdmin = learner({
      completions: new Map([[completionKey('course', 'course'), { openedAt: null, completedAt: 50 }]]),
    });
    expect(computeProgress(rule3, byAdmin, time)).toMatchObject({ isCompleted: true, completedAt: 50 });
    expect(computeProgress(rule3, marked(['a', 'b', 'c']), time).isCompleted).toBe(false);
  });

  it('course rule 4: by the batch end date, or by the duration after enrolment', () => {
    const blended = place({ whenACourseIsConsideredAsCompleted: 4 }, entities, {
      place: { portalId: 'p', courseId: 'c', batchId: 'b' },
      batchEndDate: '2026-01-10',
    });
    expect(computeProgress(blended, learner(), time).isCompleted).toBe(false);
    expect(computeProgress(blended, learner(), { ...time, today: '2026-01-11' }).isCompleted).toBe(true);
    const selfPaced = place({ whenACourseIsConsideredAsCompleted: 4 }, entities, { durationMs: 9 * 86_400_000 });
    expect(computeProgress(selfPaced, learner(), time)).toMatchObject({
      isCompleted: true,
      completedAt: Date.UTC(2026, 0, 10),
    });
    expect(computeProgress({ ...selfPaced, durationMs: 10 * 86_400_000 }, learner(), time).isCompleted).toBe(false);
  });

  it('a waitlisted learner has no course completion and may mark nothing', () => {
    const waitlisted = learner({ enrolment: { status: 'waitlisted', createdAt: 0 } });
    const progress = computeProgress(
      place({ whenACourseIsConsideredAsCompleted: 4 }, entities, { durationMs: 1 }),
      waitlisted,
      time,
    );
    expect(progress).toMatchObject({ isEnrolled: false, isCompleted: false });
    expect(progress.modules[0]!.entities[0]!.canMarkAsComplete).toBe(false);
  });
});

describe('readPermissionSettings', () => {
  it('fills defaults for keys a stored row lacks', () => {
    expect(readPermissionSettings('{"whenACourseIsConsideredAsCompleted":3}')).toEqual({
      ...defaultPermissionSettings,
      whenACourseIsConsideredAsCompleted: 3,
    });
    expect(readPermissionSettings(null)).toEqual(defaultPermissionSettings);
  });
});
