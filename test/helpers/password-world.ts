/** The password sign-in tests' world: an organisation portal beside the demo one, a client, a person with a password. */
import { expect } from 'vitest';
import { issueToken } from '../../src/features/people/portal.service.ts';
import { type Agent, fieldOf, setPasswordFor } from './accounts.ts';
import { registerClient, type TestClient, testRedirectUri } from './oauth.ts';
import { createTestLectern, type TestLectern } from './test-app.ts';

/** The password the world's person starts with. */
export const worldPassword = 'correct horse battery';

/** What the password tests share. */
export interface PasswordWorld {
  lectern: TestLectern;
  org: { portalId: string; token: string };
  /** The server operator's token: the control room of an organisation portal is theirs alone. */
  operatorToken: string;
  client: TestClient;
  person: { erecno: string; email: string; name: string };
  /** A portal's active people who are not admins, in erecno order. */
  peopleOf(portalId: string): Promise<{ erecno: string; email_id: string; display_name: string; status: string }[]>;
  /** The client's consent request in the organisation portal. */
  consentUrl(): string;
  /** Follows the consent page to its sign-in page. */
  signInPage(agent: Agent): ReturnType<Agent['get']>;
  /** Signs in through the consent page's sign-in page. */
  signIn(agent: Agent, email: string, secret: string): ReturnType<Agent['post']>;
  /** A person's accounts sessions. */
  sessionsOf(erecno: string): Promise<unknown[]>;
}

/** Opens the world: the test Lectern's other portal made an organisation portal, its first person with a password. */
export async function openPasswordWorld(): Promise<PasswordWorld> {
  const lectern = await createTestLectern();
  const org = await lectern.otherPortal();
  // The other portal becomes an organisation portal: it signs in with passwords instead of the person picker.
  await lectern.app.lectern.db.updateTable('portals').set({ demo: 0 }).where('id', '=', org.portalId).execute();
  const operator = await issueToken(lectern.app.lectern, {
    portalId: lectern.portalId,
    scopes: ['ZOHOPEOPLE.training.ALL'],
    isOperator: true,
  });
  const client = await registerClient(lectern, { token: operator.token, portalId: org.portalId });
  const peopleOf = (portalId: string) =>
    lectern.app.lectern.db
      .selectFrom('employees')
      .select(['erecno', 'email_id', 'display_name', 'status'])
      .where('portal_id', '=', portalId)
      .where('is_admin', '=', 0)
      .where('status', '=', 'active')
      .orderBy('erecno')
      .execute();
  const [first] = await peopleOf(org.portalId);
  const person = { erecno: first!.erecno, email: first!.email_id, name: first!.display_name };
  await setPasswordFor(lectern, org.portalId, person.erecno, worldPassword);
  const consentUrl = () =>
    `/oauth/v2/auth?${new URLSearchParams({
      response_type: 'code',
      client_id: client.clientId,
      scope: 'ZOHOPEOPLE.training.READ',
      redirect_uri: testRedirectUri,
      state: 'pw',
    })}`;
  const signInPage = async (agent: Agent) => {
    const consent = await agent.get(consentUrl());
    expect(consent.status).toBe(302);
    return agent.get(consent.location!);
  };
  return {
    lectern,
    org,
    operatorToken: operator.token,
    client,
    person,
    peopleOf,
    consentUrl,
    signInPage,
    signIn: async (agent, email, secret) => {
      const page = await signInPage(agent);
      return agent.post(
        '/oauth/v2/accounts/sign-in',
        { portalId: org.portalId, return: fieldOf(page.body, 'return')!, email, password: secret },
        page,
      );
    },
    sessionsOf: (erecno) =>
      lectern.app.lectern.db.selectFrom('account_sessions').selectAll().where('erecno', '=', erecno).execute(),
  };
}
