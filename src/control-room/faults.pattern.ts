/**
 * Path patterns of fault rules and of the journal's path filter: `*` stands for one path segment, `**` for any number
 * of them; a pattern without a wildcard is a prefix that ends at a segment boundary. The query string never counts.
 */

const specials = /[.+?^${}()|[\]\\]/g;

/** The pattern as a regular expression over a path (the URL before `?`). */
export function compilePathPattern(pattern: string): RegExp {
  const trimmed = pattern.length > 1 ? pattern.replace(/\/+$/, '') : pattern;
  if (!trimmed.includes('*')) {
    // `/api/v1/courses` covers `/api/v1/courses/1/batches`, never `/api/v1/coursesX`.
    return new RegExp(`^${trimmed.replace(specials, '\\$&')}(?:/|$)`);
  }
  const source = trimmed
    .split(/(\/\*\*|\*\*|\*)/)
    .map((part) => {
      if (part === '/**') return '(?:/.*)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      return part.replace(specials, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}/?$`);
}

/** The path of a request URL: everything before the query. */
export function pathOfUrl(url: string): string {
  const mark = url.indexOf('?');
  return mark === -1 ? url : url.slice(0, mark);
}
