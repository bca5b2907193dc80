/** The start of every assessment test file (a Lectern and its assessment world) and the refusal check they share. */
import { afterAll, beforeAll, expect } from 'vitest';
import {
  type AssessmentWorld,
  countEntities,
  expectRefusal,
  type Family,
  sendData,
  setUpWorld,
} from './assessments.ts';
import { createTestLectern, type TestLectern } from './test-app.ts';

/** A test Lectern and the assessment world set up in it. */
export interface StartedAssessmentWorld {
  lectern: TestLectern;
  world: AssessmentWorld;
}

/**
 * Registers the file's beforeAll, which starts a Lectern, sets up the assessment world and hands both to `started`
 * (which may set up more), and its afterAll, which closes the Lectern.
 */
export function useAssessmentWorld(started: (made: StartedAssessmentWorld) => void | Promise<void>): void {
  let lectern: TestLectern | undefined;
  beforeAll(async () => {
    lectern = await createTestLectern();
    await started({ lectern, world: await setUpWorld(lectern) });
  });
  afterAll(() => lectern?.close());
}

/** The world's family of that name ('self-paced' or 'blended'). */
export function familyNamed(world: AssessmentWorld, name: string): Family {
  return world.families.find((family) => family.name === name)!;
}

/** `valid` with `changes` laid over it; a key changed to undefined is removed. */
export function withChanges(valid: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = { ...valid, ...changes };
  for (const key of Object.keys(data)) if (data[key] === undefined) delete data[key];
  return data;
}

/** POSTs a data object and expects a refusal that names `parameter` in code and message and writes no entity. */
export async function expectCreateRefused(
  lectern: TestLectern,
  request: { url: string; dataName: string; data: Record<string, unknown>; entityType: number },
  parameter: string,
  code?: string,
): Promise<void> {
  const before = await countEntities(lectern, request.entityType);
  const response = await sendData(lectern, {
    method: 'POST',
    url: request.url,
    dataName: request.dataName,
    data: request.data,
  });
  expectRefusal(response, parameter, code);
  expect(response.json().message).toContain(parameter);
  expect(await countEntities(lectern, request.entityType)).toBe(before);
}
