/** Lectern on a real socket, for tests where the wire matters: other HTTP clients, raw URLs, bodies on DELETE. */
import type { LecternApp } from '../../src/app.ts';
import { createTestLectern, type TestLectern } from './test-app.ts';

/** A test's Lectern that also listens on 127.0.0.1. */
export interface LiveLectern extends TestLectern {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
}

/** Starts an app on a free port of the loopback interface and answers its base URL. */
export async function listen(app: LecternApp): Promise<string> {
  // Port 0 lets the OS pick a free port, so test files running in parallel never collide.
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error(`unexpected server address ${address}`);
  return `http://127.0.0.1:${address.port}`;
}

/** createTestLectern, listening; close() (app.close) stops the socket too. */
export async function startLiveLectern(options?: Parameters<typeof createTestLectern>[0]): Promise<LiveLectern> {
  const lectern = await createTestLectern(options);
  try {
    return { ...lectern, baseUrl: await listen(lectern.app) };
  } catch (error) {
    await lectern.close();
    throw error;
  }
}
