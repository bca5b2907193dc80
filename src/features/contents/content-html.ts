/** Rich-text content as Lectern stores it: HTML cleaned by sanitize-html so it is safe to render in a learner's page. */
import type SanitizeHtml from 'sanitize-html';
import { lazyRequire } from '../../lazy-require.ts';

const loadSanitizeHtml = lazyRequire<typeof SanitizeHtml>('sanitize-html');

const colour = [/^#[0-9a-f]{3,8}$/i, /^rgba?\(\s*[\d.\s,%]+\)$/i, /^[a-z]+$/i];
const length = [/^-?\d+(\.\d+)?(px|em|rem|%|pt)?$/i];

// An allow-list, not a block-list: whatever is not named here is dropped. Scripts, styles and other code-carrying
// tags go with their text; event-handler attributes (onclick, ...) are never allowed; links and images may only point
// at http(s) (and links at mailto/tel), so javascript: and data: URLs are removed.
const optionsFor = (sanitizeHtml: typeof SanitizeHtml): SanitizeHtml.IOptions => ({
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'del', 'ins'],
  allowedAttributes: {
    a: ['href', 'name', 'target', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    ol: ['start', 'type'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    '*': ['style'],
  },
  allowedStyles: {
    '*': {
      color: colour,
      'background-color': colour,
      'text-align': [/^(left|right|center|justify)$/i],
      'font-weight': [/^(normal|bold|bolder|lighter|\d{3})$/i],
      'font-style': [/^(normal|italic|oblique)$/i],
      'text-decoration': [/^[a-z\s-]+$/i],
      'font-size': length,
      'margin-left': length,
      'padding-left': length,
    },
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // A link that opens a new tab must not hand the learner's page to the target.
  transformTags: {
    a: (tagName, attribs) =>
      attribs.target === undefined
        ? { tagName, attribs }
        : { tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } },
  },
});
let options: SanitizeHtml.IOptions | undefined;

/** The HTML with everything outside the allow-list removed (scripts, event handlers, javascript: URLs, ...). */
export function sanitizeContentHtml(html: string): string {
  const sanitizeHtml = loadSanitizeHtml();
  options ??= optionsFor(sanitizeHtml);
  return sanitizeHtml(html, options);
}
