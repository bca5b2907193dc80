/** OAuth's secrets never reach the logs: client secrets, codes and tokens in the query of /oauth/v2 requests. */
import { Writable } from 'node:stream';
import { afterAll, expect, it } from 'vitest';
import { refreshRequest, registerClient, selfClientCode, tradeCode } from './helpers/oauth.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern | undefined;
afterAll(() => lectern?.close());

it('masks client_secret, code, refresh_token and token in logged URLs', async () => {
  const text: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text.push(chunk.toString());
      done();
    },
  });
  lectern = await createTestLectern({ logStream: stream });
  const client = await registerClient(lectern);
  const code = await selfClientCode(lectern, client, lectern.adminErecno);
  const tokens = await tradeCode(lectern, client, code);
  await refreshRequest(lectern, client, tokens.refresh_token!);
  await lectern.app.inject({ method: 'POST', url: `/oauth/v2/token/revoke?token=${tokens.refresh_token}` });
  const logged = text.join('');
  expect(logged).toContain('/oauth/v2/token?');
  for (const secret of [client.clientSecret, code, tokens.refresh_token!, tokens.access_token]) {
    expect(logged).not.toContain(secret);
  }
});
