/**
 * A module family's calls (a course's own modules, or a blended batch's), so one editor serves both. The typed client
 * has a path per family; this picks the right one.
 */
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';

/** Where modules live: a course (batchId null) or a batch of a blended course. */
export interface ModuleParent {
  courseId: string;
  batchId: string | null;
}

/** A module's fields. */
export interface ModuleFields {
  name: string;
  description: string;
}

/** One page of a parent's modules (25 from `startIndex`) and whether more follow. */
export async function modulePage({ courseId, batchId }: ModuleParent, startIndex: number) {
  const query = { startIndex };
  const page = resultOf(
    batchId === null
      ? await api.GET('/api/v1/courses/{courseId}/modules', { params: { path: { courseId }, query } })
      : await api.GET('/api/v1/courses/{courseId}/batches/{batchId}/modules', {
          params: { path: { courseId, batchId }, query },
        }),
  );
  return { modules: page.modules, hasMore: page.hasMoreRecords };
}

/** The modules of a parent (the first page: the session form's choice of module). */
export async function listModules(parent: ModuleParent) {
  return (await modulePage(parent, 0)).modules;
}

/** Adds a module. */
export async function createModule({ courseId, batchId }: ModuleParent, moduleData: ModuleFields) {
  const result =
    batchId === null
      ? await api.POST('/api/v1/courses/{courseId}/modules', { params: { path: { courseId } }, body: { moduleData } })
      : await api.POST('/api/v1/courses/{courseId}/batches/{batchId}/modules', {
          params: { path: { courseId, batchId } },
          body: { moduleData },
        });
  resultOf(result);
}

/** Changes a module's name and description. */
export async function updateModule({ courseId, batchId }: ModuleParent, moduleId: string, moduleData: ModuleFields) {
  const result =
    batchId === null
      ? await api.PATCH('/api/v1/courses/{courseId}/modules/{moduleId}', {
          params: { path: { courseId, moduleId } },
          body: { moduleData },
        })
      : await api.PATCH('/api/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}', {
          params: { path: { courseId, batchId, moduleId } },
          body: { moduleData },
        });
  resultOf(result);
}

/** Deletes a module with everything in it. */
export async function deleteModule({ courseId, batchId }: ModuleParent, moduleId: string) {
  const result =
    batchId === null
      ? await api.DELETE('/api/v1/courses/{courseId}/modules/{moduleId}', { params: { path: { courseId, moduleId } } })
      : await api.DELETE('/api/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}', {
          params: { path: { courseId, batchId, moduleId } },
        });
  resultOf(result);
}

/** Adds a link. */
export async function createLink(
  { courseId, batchId }: ModuleParent,
  moduleId: string,
  linkData: { name: string; embedURL: string; isMandatory: boolean },
) {
  const result =
    batchId === null
      ? await api.POST('/api/v1/courses/{courseId}/modules/{moduleId}/links', {
          params: { path: { courseId, moduleId } },
          body: { linkData },
        })
      : await api.POST('/api/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/links', {
          params: { path: { courseId, batchId, moduleId } },
          body: { linkData },
        });
  resultOf(result);
}

/** Adds an e-material (a page of text). */
export async function createContent(
  { courseId, batchId }: ModuleParent,
  moduleId: string,
  contentData: { name: string; content: string; isMandatory: boolean },
) {
  const result =
    batchId === null
      ? await api.POST('/lectern/v1/courses/{courseId}/modules/{moduleId}/contents', {
          params: { path: { courseId, moduleId } },
          body: { contentData },
        })
      : await api.POST('/lectern/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/contents', {
          params: { path: { courseId, batchId, moduleId } },
          body: { contentData },
        });
  resultOf(result);
}

/** Uploads a file (multipart: fileData as JSON text and the file). */
export async function uploadFile(
  { courseId, batchId }: ModuleParent,
  moduleId: string,
  fileData: { name: string; isMandatory: boolean },
  file: File,
) {
  const bodySerializer = () => {
    const form = new FormData();
    form.append('fileData', JSON.stringify(fileData));
    form.append('file', file, file.name);
    return form;
  };
  const body = { fileData, file: '' };
  const result =
    batchId === null
      ? await api.POST('/api/v1/courses/{courseId}/modules/{moduleId}/files', {
          params: { path: { courseId, moduleId } },
          body,
          bodySerializer,
        })
      : await api.POST('/api/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/files', {
          params: { path: { courseId, batchId, moduleId } },
          body,
          bodySerializer,
        });
  resultOf(result);
}
