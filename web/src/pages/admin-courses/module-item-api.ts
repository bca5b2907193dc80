/**
 * A module's items, one kind at a time (links, files, e-materials): a page of them, a change, a deletion. Each kind
 * pages on its own in the API (25 from `startIndex`), so the editor pages each kind's list on its own too.
 */
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';
import type { ModuleParent } from './module-api.ts';

/** The kinds of item the editor handles. */
export type ItemKind = 'link' | 'file' | 'content';

/** One item as the editor shows and edits it. */
export interface ModuleItem {
  id: string;
  kind: ItemKind;
  name: string;
  mandatory: boolean;
  /** The link's address, the e-material's text, the file's own name. */
  detail: string;
}

/** A page of one kind's items and whether more follow. */
export interface ItemPage {
  items: ModuleItem[];
  hasMore: boolean;
}

/** What an edit sends: the title and mandatory flag, and the kind's own field (a file may come with new bytes). */
export interface ItemChange {
  name: string;
  isMandatory: boolean;
  embedURL?: string;
  content?: string;
  file?: File | null;
}

/** One page of a module's items of one kind. */
export async function itemPage(parent: ModuleParent, moduleId: string, kind: ItemKind, startIndex: number) {
  const { courseId, batchId } = parent;
  const query = { startIndex };
  const inCourse = { path: { courseId, moduleId }, query };
  const inBatch = { path: { courseId, batchId: batchId ?? '', moduleId }, query };
  if (kind === 'link') {
    const page = resultOf(
      batchId === null
        ? await api.GET('/api/v1/courses/{courseId}/modules/{moduleId}/links', { params: inCourse })
        : await api.GET('/api/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/links', { params: inBatch }),
    );
    return pageOf(page.hasMoreRecords, page.links, (link) => [
      link.linkId,
      link.linkName,
      link.isMandatoryLink,
      link.link,
    ]);
  }
  if (kind === 'file') {
    const page = resultOf(
      batchId === null
        ? await api.GET('/api/v1/courses/{courseId}/modules/{moduleId}/files', { params: inCourse })
        : await api.GET('/api/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/files', { params: inBatch }),
    );
    return pageOf(page.hasMoreRecords, page.files, (file) => [
      file.fileId,
      file.fileName,
      file.isMandatoryFile,
      file.uploadedFileName,
    ]);
  }
  const page = resultOf(
    batchId === null
      ? await api.GET('/api/v1/courses/{courseId}/modules/{moduleId}/contents', { params: inCourse })
      : await api.GET('/api/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/contents', { params: inBatch }),
  );
  return pageOf(page.hasMoreRecords, page.contents, (content) => [
    content.contentId,
    content.contentName,
    content.isMandatoryContent,
    content.content,
  ]);

  function pageOf<T>(hasMore: boolean, rows: T[], read: (row: T) => [string, string, boolean, string]): ItemPage {
    const items = rows.map((row) => {
      const [id, name, mandatory, detail] = read(row);
      return { id, kind, name, mandatory, detail };
    });
    return { items, hasMore };
  }
}

/** Changes an item: its title, mandatory flag and the kind's own field (a file's bytes only when a new file is given). */
export async function updateItem(parent: ModuleParent, moduleId: string, item: ModuleItem, change: ItemChange) {
  const { courseId, batchId } = parent;
  const common = { name: change.name.trim(), isMandatory: change.isMandatory };
  if (item.kind === 'link') {
    const body = { linkData: { ...common, embedURL: (change.embedURL ?? '').trim() } };
    const path = { courseId, moduleId, linkId: item.id };
    resultOf(
      batchId === null
        ? await api.PATCH('/api/v1/courses/{courseId}/modules/{moduleId}/links/{linkId}', { params: { path }, body })
        : await api.PATCH('/api/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/links/{linkId}', {
            params: { path: { ...path, batchId } },
            body,
          }),
    );
  } else if (item.kind === 'content') {
    const body = { contentData: { ...common, content: change.content ?? '' } };
    const path = { courseId, moduleId, contentId: item.id };
    resultOf(
      batchId === null
        ? await api.PATCH('/lectern/v1/courses/{courseId}/modules/{moduleId}/contents/{contentId}', {
            params: { path },
            body,
          })
        : await api.PATCH('/lectern/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/contents/{contentId}', {
            params: { path: { ...path, batchId } },
            body,
          }),
    );
  } else {
    const file = change.file ?? null;
    // New bytes go as multipart (fileData as JSON text beside the file), as the upload does; otherwise plain JSON.
    const bodySerializer =
      file === null
        ? undefined
        : () => {
            const form = new FormData();
            form.append('fileData', JSON.stringify(common));
            form.append('file', file, file.name);
            return form;
          };
    const body = { fileData: common };
    const path = { courseId, moduleId, fileId: item.id };
    resultOf(
      batchId === null
        ? await api.PATCH('/api/v1/courses/{courseId}/modules/{moduleId}/files/{fileId}', {
            params: { path },
            body,
            ...(bodySerializer === undefined ? {} : { bodySerializer }),
          })
        : await api.PATCH('/api/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/files/{fileId}', {
            params: { path: { ...path, batchId } },
            body,
            ...(bodySerializer === undefined ? {} : { bodySerializer }),
          }),
    );
  }
}

/** Deletes an item with learners' progress and marks on it (and a file's stored bytes). */
export async function deleteItem(parent: ModuleParent, moduleId: string, item: ModuleItem) {
  const { courseId, batchId } = parent;
  if (item.kind === 'link') {
    const path = { courseId, moduleId, linkId: item.id };
    resultOf(
      batchId === null
        ? await api.DELETE('/api/v1/courses/{courseId}/modules/{moduleId}/links/{linkId}', { params: { path } })
        : await api.DELETE('/api/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/links/{linkId}', {
            params: { path: { ...path, batchId } },
          }),
    );
  } else if (item.kind === 'content') {
    const path = { courseId, moduleId, contentId: item.id };
    resultOf(
      batchId === null
        ? await api.DELETE('/lectern/v1/courses/{courseId}/modules/{moduleId}/contents/{contentId}', {
            params: { path },
          })
        : await api.DELETE('/lectern/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/contents/{contentId}', {
            params: { path: { ...path, batchId } },
          }),
    );
  } else {
    const path = { courseId, moduleId, fileId: item.id };
    resultOf(
      batchId === null
        ? await api.DELETE('/api/v1/courses/{courseId}/modules/{moduleId}/files/{fileId}', { params: { path } })
        : await api.DELETE('/api/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/files/{fileId}', {
            params: { path: { ...path, batchId } },
          }),
    );
  }
}
