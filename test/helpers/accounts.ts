/** Password sign-in through HTTP for the tests: a browser-like agent (cookies, the forms' CSRF tokens) over app.inject. */
import { issuePasswordLink } from '../../src/features/accounts/index.ts';
import type { TestLectern } from './test-app.ts';

/** One answer as the agent saw it. */
export interface Page {
  status: number;
  body: string;
  location: string | undefined;
  setCookies: string[];
}

/** A browser over app.inject: keeps cookies (by name), reads the last form's CSRF token. */
export class Agent {
  readonly cookies = new Map<string, string>();
  constructor(private readonly lectern: TestLectern) {}

  private async send(method: 'GET' | 'POST', url: string, payload?: string): Promise<Page> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.lectern.app.inject({
      method,
      url,
      headers: {
        ...(cookie === '' ? {} : { cookie }),
        ...(payload === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(payload === undefined ? {} : { payload }),
    });
    const raw = response.headers['set-cookie'];
    const setCookies = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    for (const line of setCookies) {
      const [pair] = line.split(';');
      const equals = pair!.indexOf('=');
      const name = pair!.slice(0, equals);
      const value = pair!.slice(equals + 1);
      if (value === '' || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const location = response.headers.location;
    return { status: response.statusCode, body: response.body, location: location as string | undefined, setCookies };
  }

  /** GET a page. */
  get(url: string): Promise<Page> {
    return this.send('GET', url);
  }

  /** POST a form's fields, with the CSRF token of `page` unless `csrf: false`. */
  post(url: string, fields: Record<string, string>, page?: Page, csrf = true): Promise<Page> {
    const token = page === undefined ? undefined : csrfOf(page.body);
    const all = csrf && token !== undefined ? { ...fields, _csrf: token } : fields;
    return this.send('POST', url, new URLSearchParams(all).toString());
  }
}

/** The CSRF token a page's form carries. */
export function csrfOf(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
}

/** The value of a hidden or text field of a page's form. */
export function fieldOf(html: string, name: string): string | undefined {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
  return value
    ?.replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<');
}

/** A set-password link (invite) for a person, as the CLI prints it; the path and query only. */
export async function passwordLinkPath(lectern: TestLectern, portalId: string, erecno: string): Promise<string> {
  const link = await issuePasswordLink(lectern.app.lectern, portalId, erecno, {
    kind: 'invite',
    base: 'http://lectern.test',
    send: false,
  });
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}

/** Sets a person's password through an invite link's page, expecting 200. */
export async function setPasswordFor(
  lectern: TestLectern,
  portalId: string,
  erecno: string,
  password: string,
): Promise<void> {
  const agent = new Agent(lectern);
  const path = await passwordLinkPath(lectern, portalId, erecno);
  const page = await agent.get(path);
  const token = new URL(path, 'http://lectern.test').searchParams.get('token')!;
  const set = await agent.post('/oauth/v2/accounts/password', { token, password, confirm: password }, page);
  if (set.status !== 200) throw new Error(`setting the password answered ${set.status}: ${set.body}`);
}
