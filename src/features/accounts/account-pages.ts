/**
 * The accounts pages (sign in, forgot password, set a password): small server-rendered HTML, no scripts, every value
 * escaped, light and dark from the browser's preference, labelled fields that work by keyboard and at any width.
 */

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => entities[character]!);
}

const style = `:root{color-scheme:light dark}
body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
h1{font-size:1.4rem}label{display:block;margin:.8rem 0 .2rem;font-weight:600}
input{box-sizing:border-box;width:100%;font-size:1rem;padding:.45rem;border:1px solid #666;border-radius:4px;
background:#fff;color:#1a1a1a}
button{font-size:1rem;padding:.5rem 1.2rem;margin-top:1rem;border:0;border-radius:4px;background:#1c5fb8;color:#fff}
a{color:#1c5fb8}p.hint{color:#444;font-size:.9rem}
.alert{border:1px solid #b3261e;color:#8c1d18;background:#fdecea;padding:.6rem;border-radius:4px}
:focus-visible{outline:3px solid #1c5fb8;outline-offset:2px}
@media (prefers-color-scheme:dark){body{color:#eee;background:#1a1b1e}input{background:#25262b;color:#eee;border-color:#999}
a{color:#8ab4f8}p.hint{color:#c8c8c8}button{background:#8ab4f8;color:#111}:focus-visible{outline-color:#8ab4f8}
.alert{color:#ffb4ab;background:#3b1412;border-color:#ffb4ab}}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} - Lectern</title><style>${style}</style></head>
<body><main>${body}</main></body></html>
`;
}

function alert(message: string | undefined): string {
  return message === undefined ? '' : `<p class="alert" role="alert">${escapeHtml(message)}</p>`;
}

function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
}

/** Where a sign-in form goes back to, and in which portal. */
export interface SignInTarget {
  portalId: string;
  returnTo: string;
}

function query(target: SignInTarget): string {
  return new URLSearchParams({ portalId: target.portalId, return: target.returnTo }).toString();
}

/** The sign-in form: e-mail and password; one message for every refusal. */
export function renderSignInPage(target: SignInTarget, csrf: string, error?: string, email = ''): string {
  return page(
    'Sign in',
    `<h1>Sign in to Lectern</h1>${alert(error)}
<form method="post" action="/oauth/v2/accounts/sign-in">${hidden('_csrf', csrf)}${hidden('portalId', target.portalId)}${hidden('return', target.returnTo)}
<label for="email">E-mail</label><input id="email" name="email" type="email" autocomplete="username" required maxlength="254" value="${escapeHtml(email)}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256">
<button type="submit">Sign in</button></form>
<p><a href="/oauth/v2/accounts/forgot?${escapeHtml(query(target))}">Forgot password?</a></p>`,
  );
}

/** "Forgot password": the address to send a reset link to; or, once sent, the same answer for every address. */
export function renderForgotPage(target: SignInTarget, csrf: string, sent: boolean): string {
  const back = `<p><a href="/oauth/v2/accounts/sign-in?${escapeHtml(query(target))}">Back to sign in</a></p>`;
  if (sent) {
    return page(
      'Check your e-mail',
      `<h1>Check your e-mail</h1><p role="status">If the address belongs to an account here, we sent it a link to set a new password. The link works once, for 1 hour.</p>${back}`,
    );
  }
  return page(
    'Forgot password',
    `<h1>Forgot your password?</h1><p>Enter your e-mail address and we will send you a link to set a new one.</p>
<form method="post" action="/oauth/v2/accounts/forgot">${hidden('_csrf', csrf)}${hidden('portalId', target.portalId)}${hidden('return', target.returnTo)}
<label for="email">E-mail</label><input id="email" name="email" type="email" autocomplete="username" required maxlength="254">
<button type="submit">Send the link</button></form>${back}`,
  );
}

/** The set-password form a link opens. */
export function renderPasswordPage(
  link: { token: string; name: string; kind: 'invite' | 'reset' },
  csrf: string,
  error?: string,
): string {
  const heading = link.kind === 'invite' ? 'Welcome to Lectern' : 'Set a new password';
  return page(
    heading,
    `<h1>${heading}</h1><p>Choose a password for <strong>${escapeHtml(link.name)}</strong>.</p>${alert(error)}
<form method="post" action="/oauth/v2/accounts/password">${hidden('_csrf', csrf)}${hidden('token', link.token)}
<label for="password">New password</label><input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="256" aria-describedby="password-hint">
<p class="hint" id="password-hint">10 to 256 characters.</p>
<label for="confirm">Repeat the new password</label><input id="confirm" name="confirm" type="password" autocomplete="new-password" required minlength="10" maxlength="256">
<button type="submit">Set password</button></form>`,
  );
}

/** A page that only says something, with an optional link onwards. */
export function renderMessagePage(title: string, message: string, link?: { href: string; text: string }): string {
  const onwards = link === undefined ? '' : `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>`;
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${onwards}`);
}
