/** Online test presenter and preview page, without a database. */
import { describe, expect, it } from 'vitest';
import type { ModuleEntityTable } from '../src/db/database.ts';
import type { EntityView } from '../src/features/entities/entity.service.ts';
import { onlineTestFields, presentOnlineTest } from '../src/features/online-tests/online-test.kind.ts';
import { renderPreview } from '../src/features/online-tests/online-test-preview.ts';

function viewOf(settings: Record<string, unknown>, row: Partial<ModuleEntityTable> = {}): EntityView {
  return {
    row: {
      id: '100000000000000001',
      portal_id: '1',
      course_id: '2',
      batch_id: null,
      module_id: null,
      entity_type: 7,
      name: 'Pre test',
      description: '',
      is_mandatory: 1,
      lock_until: null,
      settings: JSON.stringify(settings),
      file_id: null,
      position: 0,
      created_at: 0,
      updated_at: 0,
      ...row,
    },
    settings,
    isLocked: false,
    canManage: false,
  };
}

describe('presentOnlineTest', () => {
  it('answers a course-level test with an empty moduleId, the preview link under the given base, and no edit rights', () => {
    const fields = onlineTestFields({
      name: 'Pre test',
      durationFor: 'none',
      maximumAttemptsAllowed: '2',
      questionsPerPage: 'one',
    });
    const test = presentOnlineTest(viewOf(fields.settings!), 'https://lms.example.org');
    expect(test).toMatchObject({
      moduleId: '',
      onlineTestId: '100000000000000001',
      onlineTestName: 'Pre test',
      isMandatoryOnlineTest: true,
      canUserEdit: false,
      canUserDelete: false,
      durationFor: 'none',
      duration: null,
      maximumAttemptsAllowed: 2,
      questionsPerPage: 'one',
      passPercentage: null,
      previewURL: 'https://lms.example.org/lectern/v1/online-tests/100000000000000001/preview',
      status: 'draft',
    });
  });
});

describe('renderPreview', () => {
  it('names the kind and the timer, and escapes every stored text', () => {
    const html = renderPreview(
      viewOf(
        {
          durationFor: 'test',
          duration: 30,
          maximumAttemptsAllowed: 'unlimited',
          questionsPerPage: 'all',
          passPercentage: null,
          shuffleQuestions: true,
          showMarksToLearner: false,
          resources: [{ resourceName: '<b>', resourceURL: 'https://example.com/"x"' }],
        },
        { name: "It's <i>", description: 'a & b', lock_until: '2026-02-01' },
      ),
    );
    expect(html).toContain('Pre-course online test');
    expect(html).toContain('30 minutes for the whole test');
    expect(html).toContain('<h1>It&#39;s &#60;i&#62;</h1>');
    expect(html).toContain('<p>a &#38; b</p>');
    expect(html).toContain('href="https://example.com/&#34;x&#34;">&#60;b&#62;</a>');
    expect(html).toContain('01-02-2026');
    expect(html).not.toMatch(/<i>|<b>/);
  });
});
