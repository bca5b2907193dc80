/**
 * Path patterns of fault rules and of the journal's path filter, matched segment by segment: a `*` segment stands for
 * one segment, a `**` segment for any number of them; a pattern without either is a prefix that ends at a segment
 * boundary. The query string never counts. Matching is a table over segments (pattern × path), never a backtracking
 * regular expression, so no pattern can make a request slow.
 */
import { invalidInput } from '../errors.ts';

/** A compiled pattern. */
export type PathMatcher = (path: string) => boolean;

const withoutTrailingSlash = (text: string) => (text.length > 1 ? text.replace(/\/+$/, '') : text);

/** Whether the pattern's segments cover the path's: the rows of the table are the pattern's segments. */
function matchSegments(pattern: readonly string[], path: readonly string[]): boolean {
  let reach = new Uint8Array(path.length + 1);
  reach[0] = 1;
  for (const segment of pattern) {
    const next = new Uint8Array(path.length + 1);
    let any = 0;
    for (let index = 0; index <= path.length; index++) {
      if (segment === '**') {
        any |= reach[index]!;
        next[index] = any;
      } else if (index > 0 && reach[index - 1] === 1 && (segment === '*' || segment === path[index - 1])) {
        next[index] = 1;
      }
    }
    reach = next;
  }
  return reach[path.length] === 1;
}

/** The pattern as a matcher over paths; a `*` inside a segment (`course*`) is refused, naming `parameter`. */
export function compilePathPattern(pattern: string, parameter = 'path'): PathMatcher {
  const trimmed = withoutTrailingSlash(pattern);
  const segments = trimmed.split('/').filter((segment, index, all) => !(segment === '**' && all[index - 1] === '**'));
  if (segments.some((segment) => segment.includes('*') && segment !== '*' && segment !== '**')) {
    throw invalidInput(parameter, 'a * stands for a whole path segment, and ** for any number of segments');
  }
  if (!segments.includes('*') && !segments.includes('**')) {
    // `/api/v1/courses` covers `/api/v1/courses/1/batches`, never `/api/v1/coursesX`.
    const prefix = trimmed === '/' ? '' : trimmed;
    return (path) => {
      const plain = withoutTrailingSlash(path);
      return plain === prefix || plain.startsWith(`${prefix}/`);
    };
  }
  return (path) => matchSegments(segments, withoutTrailingSlash(path).split('/'));
}

/** The path of a request URL: everything before the query. */
export function pathOfUrl(url: string): string {
  const mark = url.indexOf('?');
  return mark === -1 ? url : url.slice(0, mark);
}
