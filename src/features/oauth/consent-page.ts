/** The consent flow's pages: small, self-contained HTML (no scripts, no external assets), every value escaped. */
import type { ConsentError, ConsentForm } from './oauth-consent.service.ts';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => entities[character]!);
}

const style = `body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}ul{padding-left:1.2rem}code{background:#f3f3f3;padding:0 .2rem}
button{font-size:1rem;padding:.4rem 1.2rem;margin-right:.6rem}select{font-size:1rem;margin:.4rem 0 1rem}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} - Lectern</title><style>${style}</style></head>
<body>${body}</body></html>
`;
}

/** The page that stops the flow (an unknown client, redirect URI or scope; a spent form). */
export function renderErrorPage(error: ConsentError): string {
  return page(error.title, `<h1>${escapeHtml(error.title)}</h1><p>${escapeHtml(error.message)}</p>`);
}

function scopeList(scopes: readonly string[]): string {
  return `<ul>${scopes.map((scope) => `<li><code>${escapeHtml(scope)}</code></li>`).join('')}</ul>`;
}

/** The consent page: who is asking for what, whom to act as (a pick in demo portals), allow or deny. */
export function renderConsentPage(form: ConsentForm, action: string): string {
  const heading = `<h1>${escapeHtml(form.clientName)} would like to access your Lectern account</h1>`;
  const asks = `<p>It asks for:</p>${scopeList(form.scopes)}`;
  if (form.people.length === 0 && form.signedInAs === null) {
    const help =
      '<p>You are not signed in. Ask your administrator for a one-time sign-in link ' +
      '(<code>lectern oauth sign-in-link --erecno &lt;your erecno&gt;</code>), open it, then reload this page.</p>';
    return page('Sign in', heading + asks + help);
  }
  const who =
    form.signedInAs !== null
      ? `<p>Signed in as <strong>${escapeHtml(form.signedInAs)}</strong>.</p>`
      : `<label for="erecno">Act as (demo portal):</label><br><select id="erecno" name="erecno">${form.people
          .map((person) => `<option value="${escapeHtml(person.erecno)}">${escapeHtml(person.name)}</option>`)
          .join('')}</select>`;
  const buttons =
    '<p><button type="submit" name="decision" value="allow">Accept</button>' +
    '<button type="submit" name="decision" value="deny">Reject</button></p>';
  const formHtml = `<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="nonce" value="${escapeHtml(form.nonce)}">${who}${buttons}</form>`;
  return page('Consent', heading + asks + formHtml);
}

/** The page a sign-in link opens: signed in, or the link was spent. */
export function renderSignInPage(name: string | undefined): string {
  if (name === undefined) {
    return page(
      'Sign-in link spent',
      '<h1>Sign-in link spent</h1><p>This link was already used or has expired. Ask for a new one.</p>',
    );
  }
  return page(
    'Signed in',
    `<h1>Signed in as ${escapeHtml(name)}</h1><p>Go back to the application and continue from there.</p>`,
  );
}
