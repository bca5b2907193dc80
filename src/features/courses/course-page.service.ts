/**
 * courseURL's page until the web app serves it: a small HTML page that names the course by its id and says where to
 * sign in. Browsers follow the link without a token, so the page shows nothing a token would guard (not even the
 * name); an unknown id is a 404 page. Escaped, no scripts, a few hundred bytes.
 */
import type { Db } from '../../db/database.ts';
import { courseIdExists } from './course-page.repository.ts';

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe inside HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character]!);
}

function page(title: string, paragraphs: string[]): string {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)} - Lectern</title>`,
    '<style>body{font-family:sans-serif;max-width:40em;margin:4em auto;padding:0 1em;color:#222}</style>',
    `</head><body><h1>${escapeHtml(title)}</h1>`,
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    '</body></html>',
  ].join('');
}

/** A course's page: status 200 with its HTML, or 404 with a page saying there is no such course. */
export async function renderCoursePage(db: Db, courseId: string): Promise<{ status: number; html: string }> {
  if (!(await courseIdExists(db, courseId))) {
    return { status: 404, html: page('No such course', [`Lectern has no course ${courseId}.`]) };
  }
  return {
    status: 200,
    html: page('A course on Lectern', [
      `Course ${courseId}.`,
      "Sign in to your portal's learning app to open it. Applications read it with a token at " +
        `/api/v1/courses/${courseId}.`,
    ]),
  };
}
