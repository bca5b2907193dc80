/**
 * `POST .../modules/{m}/<plural>/{id}/updateMarks` in both families (Update Offline Test Marks, Update Assignment
 * Marks): `learnerErecno` and `marks` as the pages document them, or Lectern's `marksList` for several learners.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { invalidInput, missingInput } from '../../errors.ts';
import { errorResponses } from '../../http/envelope.ts';
import { maxIdsPerList, pathId, readParameter } from '../../http/input.ts';
import { parseJsonLossless } from '../../http/json-body.ts';
import { isNumericId } from '../../ids.ts';
import { entityFamilies, entityPath, familiesUnder, familyParams } from '../entities/index.ts';
import { maximumMarksLimit } from './assessment.schemas.ts';
import { readWholeNumber } from './assessment-fields.ts';
import {
  marksSheetResponse200,
  updateMarksBody,
  updateMarksQuery,
  updateMarksResponse200,
} from './entity-marks.schemas.ts';
import { type MarkEntry, type MarksKind, marksSheet, updateMarks } from './entity-marks.service.ts';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readEntry(erecnoValue: unknown, marksValue: unknown, erecnoParameter: string, marksParameter: string) {
  if (erecnoValue === undefined || erecnoValue === '' || erecnoValue === null) throw missingInput(erecnoParameter);
  const erecno = typeof erecnoValue === 'number' ? String(erecnoValue) : erecnoValue;
  if (typeof erecno !== 'string' || !isNumericId(erecno.trim())) {
    throw invalidInput(erecnoParameter, `must be a numeric erecno, got ${JSON.stringify(erecnoValue)}`);
  }
  if (marksValue === undefined || marksValue === '' || marksValue === null) throw missingInput(marksParameter);
  if (
    (typeof marksValue === 'number' && marksValue < 0) ||
    (typeof marksValue === 'string' && /^\s*-/.test(marksValue))
  ) {
    throw invalidInput(marksParameter, `must not be negative, got ${JSON.stringify(marksValue)}`);
  }
  const marks = readWholeNumber(marksValue, marksParameter, { minimum: 0, maximum: maximumMarksLimit })!;
  return { erecno: erecno.trim(), marks, erecnoParameter, marksParameter };
}

/** The learners and marks a request names, from the query, a form body or a JSON body. */
export function readMarkEntries(request: FastifyRequest): MarkEntry[] {
  const list = readParameter(request, 'marksList');
  const erecno = readParameter(request, 'learnerErecno');
  const marks = readParameter(request, 'marks');
  if (list === undefined || list === '') return [readEntry(erecno, marks, 'learnerErecno', 'marks')];
  if (erecno !== undefined || marks !== undefined) {
    throw invalidInput('marksList', 'send either learnerErecno and marks, or marksList, not both');
  }
  const items = typeof list === 'string' ? parseJsonLossless(list, 'marksList') : list;
  if (!Array.isArray(items) || items.length === 0) {
    throw invalidInput('marksList', 'must be a non-empty JSON array of {"learnerErecno","marks"} objects');
  }
  if (items.length > maxIdsPerList) {
    throw invalidInput('marksList', `names ${items.length} learners; at most ${maxIdsPerList}`);
  }
  const seen = new Set<string>();
  return items.map((item: unknown, index) => {
    const at = `marksList.${index}`;
    if (!isPlainObject(item)) throw invalidInput(at, `must be an object {"learnerErecno","marks"}`);
    const entry = readEntry(item.learnerErecno, item.marks, `${at}.learnerErecno`, `${at}.marks`);
    if (seen.has(entry.erecno)) {
      throw invalidInput(`${at}.learnerErecno`, `names learner ${entry.erecno} a second time`);
    }
    seen.add(entry.erecno);
    return entry;
  });
}

/** What the marks route of a kind needs: its URL segment, item id parameter, operationId noun and marks rules. */
export interface MarksRouteKind extends MarksKind {
  plural: string;
  idParam: string;
  noun: string;
}

/** Registers a kind's updateMarks in both families (scope CREATE, as Zoho's actions). */
export function registerMarksRoutes(app: FastifyInstance, context: AppContext, kind: MarksRouteKind): void {
  for (const family of entityFamilies) {
    app.post(
      `${family.base}/modules/:moduleId/${kind.plural}/:${kind.idParam}/updateMarks`,
      {
        config: { scope: 'CREATE' },
        schema: {
          operationId: `update${family.infix}${kind.noun}Marks`,
          description:
            "Records learners' marks (course managers; in a blended batch also its sessions' trainers). " +
            'A list partly invalid writes nothing.',
          tags: [kind.plural],
          params: familyParams(family.batch, ['moduleId', kind.idParam]),
          querystring: updateMarksQuery,
          body: updateMarksBody,
          response: { 200: updateMarksResponse200, ...errorResponses },
        },
      },
      async (request) => {
        const id = pathId(request.params, kind.idParam);
        const path = entityPath(request.params);
        const entries = readMarkEntries(request);
        const learners = await updateMarks(context, request.caller, path, kind, id, entries);
        return { code: 200 as const, learners, message: 'success' as const };
      },
    );
  }
  for (const family of familiesUnder('/lectern/v1')) {
    app.get(
      `${family.base}/modules/:moduleId/${kind.plural}/:${kind.idParam}/marks`,
      {
        config: { scope: 'READ' },
        schema: {
          operationId: `list${family.infix}${kind.noun}Marks`,
          description:
            'The learners seated where the item is, by name, with their marks (null while ungraded) and the ' +
            "item's maximum: for those who may mark it.",
          tags: [kind.plural],
          params: familyParams(family.batch, ['moduleId', kind.idParam]),
          response: { 200: marksSheetResponse200, ...errorResponses },
        },
      },
      async (request) => {
        const id = pathId(request.params, kind.idParam);
        const sheet = await marksSheet(context, request.caller, entityPath(request.params), kind, id);
        return { code: 200 as const, ...sheet, message: 'success' as const };
      },
    );
  }
}
