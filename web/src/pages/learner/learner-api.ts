/**
 * The learner portal's calls that the typed paths cannot spell one by one: entity kinds share one shape under
 * different segments (links, files, ...), in a course or in a blended course's batch.
 */
import type { operations } from '@lectern/zoho-lms';
import { api, dataOf } from '../../api.ts';

/** Where a learner learns: a self-paced or e-material course, or a batch of a blended one. */
export interface Place {
  courseId: string;
  batchId: string | null;
}

/** The path segment of each entity-type code (Zoho's 0 offline test ... 6 link; 5 sessions have no segment here). */
export const entitySegments: Record<string, string> = {
  '0': 'offlineTests',
  '1': 'onlineTests',
  '2': 'assignments',
  '3': 'files',
  '4': 'contents',
  '6': 'links',
};

/** The place's path below a prefix: `/courses/{c}` or `/courses/{c}/batches/{b}`. */
export function placePath(place: Place): string {
  const course = `/courses/${encodeURIComponent(place.courseId)}`;
  return place.batchId === null ? course : `${course}/batches/${encodeURIComponent(place.batchId)}`;
}

/** An entity's path below a prefix. */
export function entityPath(place: Place, moduleId: string, entityType: string, entityId: string): string {
  const segment = entitySegments[entityType] ?? 'links';
  return `${placePath(place)}/modules/${encodeURIComponent(moduleId)}/${segment}/${encodeURIComponent(entityId)}`;
}

type Answer = { data?: unknown; error?: unknown; response: Response };
type Loose = {
  GET(url: string, init?: object): Promise<Answer>;
  POST(url: string, init?: object): Promise<Answer>;
};
// The typed client with a built path: the ids are already in it, so no template parameter is left to type.
const loose = api as unknown as Loose;

/** GETs a built API path and answers its JSON body (the API's message thrown on failure). */
export async function getJson<T>(url: string): Promise<T> {
  return dataOf(await loose.GET(url)) as T;
}

/** POSTs to a built API path (an empty JSON body) and answers its JSON body. */
export async function postJson<T>(url: string, body: object = {}): Promise<T> {
  return dataOf(await loose.POST(url, { body })) as T;
}

/** GETs a built API path as a file and hands it to the browser as a download. */
export async function download(url: string, fileName: string): Promise<void> {
  const blob = dataOf(await loose.GET(url, { parseAs: 'blob' })) as Blob;
  const href = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = fileName;
  anchor.click();
  // The click has handed the blob to the download; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(href), 0);
}

/** The signed-in learner's path through a place (GET .../learners/{me}/learning-path). */
export function learningPathUrl(place: Place, erecno: string): string {
  return `/lectern/v1${placePath(place)}/learners/${encodeURIComponent(erecno)}/learning-path`;
}

type Json<O extends keyof operations> = operations[O] extends {
  responses: { 200: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

/** A learner's path: modules in order with their entities, progress and lock reasons. */
export type LearningPath = Json<'getLearningPath'>['learningPath'];

/** One module of a learning path. */
export type PathModule = LearningPath['modules'][number];

/** One entity of a module of a learning path. */
export type PathEntity = PathModule['entities'][number];

/** A batch of a blended course as the batch list shows it (seats, the caller's place). */
export type BatchItem = Json<'listBatches'>['batches'][number];

/** A course as Fetch Course shows it. */
export type CourseDetails = Json<'getCourse'>['course'];

/** A session as a batch's session list shows it. */
export type SessionItem = Json<'listBatchSessions'>['sessions'][number];
