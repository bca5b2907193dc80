/** The File API's pure parts: content types, file names, the disposition header, the file object, the setting. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import type { ModuleEntityTable } from '../src/db/database.ts';
import type { EntityView } from '../src/features/entities/entity.service.ts';
import { presentFile } from '../src/features/files/file.kind.ts';
import { attachmentDisposition, cleanFileName, detectContentType } from '../src/features/files/file-content-type.ts';

describe('detectContentType', () => {
  it.each([
    ['image/png', 'a.png', 'image/png'],
    ['IMAGE/PNG; charset=binary', 'a', 'image/png'],
    ['application/pdf', 'notes.txt', 'application/pdf'],
    [
      'application/octet-stream',
      'slides.PPTX',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    ['text/plain', 'photo.jpg', 'image/jpeg'],
    ['text/plain', 'notes.txt', 'text/plain'],
    ['text/plain', 'README', 'text/plain'],
    [undefined, 'clip.mp4', 'video/mp4'],
    ['', 'data.csv', 'text/csv'],
    ['application/octet-stream', 'blob', 'application/octet-stream'],
    ['not a type', 'x.pdf', 'application/pdf'],
    ['not a type', 'x', 'application/octet-stream'],
  ])('part type %j, name %j: %s', (partType, name, expected) => {
    expect(detectContentType(partType, name)).toBe(expected);
  });
});

describe('cleanFileName', () => {
  it('drops control characters, trims, keeps 255 characters, and names a nameless file', () => {
    expect(cleanFileName(' re\u0000port\n.pdf ')).toBe('report.pdf');
    expect(cleanFileName(`${'é'.repeat(300)}.txt`)).toBe('é'.repeat(255));
    expect(cleanFileName(undefined)).toBe('file');
    expect(cleanFileName('\u0001')).toBe('file');
  });
});

describe('attachmentDisposition', () => {
  it("is content-disposition's: the plain name when ASCII, else an ASCII fallback and the exact name (RFC 5987)", () => {
    expect(attachmentDisposition('plan.pdf')).toBe('attachment; filename=plan.pdf');
    expect(attachmentDisposition('日本 "q" 100%.txt')).toBe(
      `attachment; filename="?? \\"q\\" 100%.txt"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%20%22q%22%20100%25.txt`,
    );
    expect(attachmentDisposition("it's (1).doc")).toBe(`attachment; filename="it's (1).doc"`);
  });
});

describe('presentFile', () => {
  const row: ModuleEntityTable = {
    id: '219225000000648115',
    portal_id: '1',
    course_id: '219225000000642002',
    batch_id: null,
    module_id: '219225000000648001',
    entity_type: 3,
    name: 'File API Testing',
    description: 'File API description testing',
    is_mandatory: 1,
    lock_until: '2021-12-27',
    settings: '{}',
    file_id: '5',
    position: 0,
    created_at: 0,
    updated_at: 0,
  };
  const settings = {
    isIntroFile: true,
    enableDownload: false,
    durationMinutes: 100,
    document: { fileName: 'api.pdf', contentType: 'application/pdf', size: 2048, sha256: 'ab' },
  };
  const view: EntityView = { row, settings, isLocked: true, canManage: false };

  it('writes the link-style object with the file keys, in order', () => {
    const file = presentFile(view, 'https://lms.example');
    expect(Object.keys(file)).toEqual([
      'lockUntil',
      'fileId',
      'isMandatoryFile',
      'canMarkAsComplete',
      'isLocked',
      'downloadURL',
      'description',
      'resources',
      'canUserEdit',
      'moduleId',
      'fileName',
      'canUserDelete',
      'isIntroFile',
      'enableDownload',
      'duration',
      'uploadedFileName',
      'contentType',
      'size',
    ]);
    expect(file).toEqual({
      lockUntil: '27-12-2021',
      fileId: '219225000000648115',
      isMandatoryFile: true,
      canMarkAsComplete: 0,
      isLocked: true,
      downloadURL:
        'https://lms.example/lectern/v1/courses/219225000000642002/modules/219225000000648001/files/219225000000648115/download',
      description: 'File API description testing',
      resources: [],
      canUserEdit: false,
      moduleId: '219225000000648001',
      fileName: 'File API Testing',
      canUserDelete: false,
      isIntroFile: true,
      enableDownload: false,
      duration: '100 Mins',
      uploadedFileName: 'api.pdf',
      contentType: 'application/pdf',
      size: 2048,
    });
  });

  it("puts the batch in a blended file's download URL", () => {
    const blended = presentFile({ ...view, row: { ...row, batch_id: '77' } }, 'http://h');
    expect(blended.downloadURL).toBe(
      'http://h/lectern/v1/courses/219225000000642002/batches/77/modules/219225000000648001/files/219225000000648115/download',
    );
  });
});

describe('LECTERN_MAX_UPLOAD_BYTES', () => {
  it('defaults to 100 MiB, takes a byte count, and refuses anything else by name', () => {
    expect(loadConfig({ LECTERN_MEMORY: 'true' }).maxUploadBytes).toBe(104_857_600);
    expect(loadConfig({ LECTERN_MEMORY: 'true', LECTERN_MAX_UPLOAD_BYTES: '2048' }).maxUploadBytes).toBe(2048);
    for (const bad of ['0', '-1', '1.5', 'ten']) {
      expect(() => loadConfig({ LECTERN_MEMORY: 'true', LECTERN_MAX_UPLOAD_BYTES: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ LECTERN_MEMORY: 'true', LECTERN_MAX_UPLOAD_BYTES: bad })).toThrow(
        /LECTERN_MAX_UPLOAD_BYTES/,
      );
    }
  });
});
