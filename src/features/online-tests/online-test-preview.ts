/** Lectern's preview page of an online test (module, pre- or post-course), for the course's managers. */

import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import { zohoDateText } from '../../dates.ts';
import { EntityType } from '../../entity-types.ts';
import { forbidden } from '../../errors.ts';
import { type EntityView, getEntity, locateEntity } from '../entities/index.ts';

const testTypes = [EntityType.onlineTest, EntityType.preCourseTest, EntityType.postCourseTest];

/** The test behind a preview URL, as its course's manager sees it: 404 unknown or foreign, 403 for anyone else. */
export async function loadPreview(context: AppContext, caller: Caller, testId: string): Promise<EntityView> {
  const { path, entityType } = await locateEntity(context, caller, testTypes, testId, 'online test');
  const view = await getEntity(context, caller, path, entityType, testId, 'online test');
  if (!view.canManage) throw forbidden("only the course's admins may preview its tests");
  return view;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const kindNames: Record<number, string> = {
  [EntityType.onlineTest]: 'Module online test',
  [EntityType.preCourseTest]: 'Pre-course online test',
  [EntityType.postCourseTest]: 'Post-course online test',
};

function timer(settings: Record<string, any>): string {
  if (settings.durationFor === 'test') return `${settings.duration} minutes for the whole test`;
  if (settings.durationFor === 'question') return `${settings.duration} minutes per question`;
  return 'No time limit';
}

/** The preview as a small HTML page; every stored text is escaped. */
export function renderPreview(view: EntityView): string {
  const { row, settings } = view;
  const rows: [string, string][] = [
    ['Kind', kindNames[row.entity_type] ?? 'Online test'],
    ['Timer', timer(settings)],
    ['Attempts allowed', String(settings.maximumAttemptsAllowed)],
    ['Questions per page', settings.questionsPerPage === 'one' ? 'One' : 'All'],
    ['Pass percentage', settings.passPercentage === null ? 'None' : `${settings.passPercentage}%`],
    ['Shuffle questions', settings.shuffleQuestions ? 'Yes' : 'No'],
    ['Show marks to learner', settings.showMarksToLearner ? 'Yes' : 'No'],
    ['Mandatory', row.is_mandatory === 1 ? 'Yes' : 'No'],
    ['Locked until', row.lock_until === null ? 'Not locked' : zohoDateText(row.lock_until)],
  ];
  const resources = (settings.resources ?? []) as { resourceName: string; resourceURL: string }[];
  const resourceItems = resources
    .map(
      (resource) => `<li><a href="${escapeHtml(resource.resourceURL)}">${escapeHtml(resource.resourceName)}</a></li>`,
    )
    .join('');
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>Preview: ${escapeHtml(row.name)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}',
    'th{text-align:left;padding-right:1rem}</style></head><body>',
    `<h1>${escapeHtml(row.name)}</h1>`,
    row.description === '' ? '' : `<p>${escapeHtml(row.description)}</p>`,
    '<table>',
    ...rows.map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`),
    '</table>',
    resourceItems === '' ? '' : `<h2>Resources</h2><ul>${resourceItems}</ul>`,
    '<p><em>This test has no questions: Lectern has no API to add them yet, so learners cannot take it.</em></p>',
    '</body></html>',
  ].join('\n');
}
