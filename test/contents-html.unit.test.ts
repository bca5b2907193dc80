/** The content sanitiser (no database): what a content's HTML keeps and what it loses. */
import { describe, expect, it } from 'vitest';
import { sanitizeContentHtml } from '../src/features/contents/content-html.ts';

describe('sanitizeContentHtml', () => {
  it.each([
    ['script tags with their text', '<p>a</p><script>alert(1)</script><p>b</p>', '<p>a</p><p>b</p>'],
    ['style tags with their text', '<style>p{color:red}</style><p>x</p>', '<p>x</p>'],
    ['event handlers', '<p onclick="x()" onmouseover="y()">t</p>', '<p>t</p>'],
    ['javascript: links', '<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['javascript: in mixed case', '<a href="JaVaScRiPt:alert(1)">x</a>', '<a>x</a>'],
    ['javascript: behind an entity-encoded colon', '<a href="javascript&#58;alert(1)">x</a>', '<a>x</a>'],
    ['javascript: behind a tab', '<a href="java\tscript:alert(1)">x</a>', '<a>x</a>'],
    ['data: image sources', '<img src="data:image/svg+xml;base64,PHN2Zz4=" />', '<img />'],
    ['vbscript: links', '<a href="vbscript:msgbox(1)">x</a>', '<a>x</a>'],
    ['iframes, objects and embeds', '<iframe src="https://x"></iframe><object></object><embed src="x">', ''],
    ['forms and inputs', '<form action="https://x"><input name="a"><button>go</button></form>', 'go'],
    ['svg with onload', '<svg onload="alert(1)"><circle /></svg>', ''],
    [
      'CSS urls in style',
      '<span style="background:url(javascript:alert(1));color:red">c</span>',
      '<span style="color:red">c</span>',
    ],
    ['CSS expressions', '<p style="width:expression(alert(1))">w</p>', '<p>w</p>'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://x">', ''],
    ['protocol-relative links', '<a href="//evil.example/x">x</a>', '<a>x</a>'],
  ])('removes %s', (_name, html, expected) => {
    expect(sanitizeContentHtml(html)).toBe(expected);
  });

  it.each([
    ['headings, paragraphs and emphasis', '<h1>T</h1><h3>S</h3><p><strong>b</strong> <em>i</em> <u>u</u> <s>s</s></p>'],
    ['lists', '<ol start="3"><li>a</li></ol><ul><li>b</li></ul>'],
    [
      'tables',
      '<table><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2">d</td></tr></tbody></table>',
    ],
    ['http and mailto links', '<a href="https://example.org/a?b=1&amp;c=2">x</a> <a href="mailto:a@example.org">m</a>'],
    ['images from http(s)', '<img src="https://example.org/a.png" alt="A" width="10" height="20" />'],
    ['safe inline styles', '<span style="color:#ff0000;text-align:center;font-weight:bold">c</span>'],
    ['code and quotes', '<pre><code>let a = 1 &lt; 2;</code></pre><blockquote>q</blockquote>'],
    ['entities and plain text', 'Fish &amp; chips &lt;3'],
  ])('keeps %s', (_name, html) => {
    expect(sanitizeContentHtml(html)).toBe(html);
  });

  it('makes a link that opens a new tab unable to reach back to the page', () => {
    expect(sanitizeContentHtml('<a href="https://example.org" target="_blank">x</a>')).toBe(
      '<a href="https://example.org" target="_blank" rel="noopener noreferrer">x</a>',
    );
  });

  it('closes unclosed tags so the page around the content is not broken', () => {
    expect(sanitizeContentHtml('<p><b>bold')).toBe('<p><b>bold</b></p>');
  });
});
