/** Concurrent clients writing courses until told to stop, each remembering what was acknowledged. */
import { type Answer, callApi } from '../api-client.ts';
import { createBody, type Ledger, type Write } from './ledger.ts';

/** Where and as whom the clients write. */
export interface Api {
  baseUrl: string;
  token: string;
}

/** Sends one write with its Idempotency-Key; throws when no complete answer arrived. */
export function sendWrite(api: Api, write: Write): Promise<Answer> {
  if (write.kind === 'create') {
    const options = { body: createBody(write.course), idempotencyKey: write.course.createKey };
    return callApi(api.baseUrl, api.token, 'POST', '/api/v1/courses', options);
  }
  const options = { body: { courseCode: write.code }, idempotencyKey: write.key };
  return callApi(api.baseUrl, api.token, 'PATCH', `/api/v1/courses/${write.course.courseId}`, options);
}

/** The course id in a create's answer. */
export function courseIdIn(answer: Answer): string | null {
  const id = answer.body?.course?.courseId;
  return typeof id === 'string' ? id : null;
}

/** Records the answer of a write: acknowledged on 200, otherwise a refusal to look at. */
export function recordAnswer(ledger: Ledger, write: Write, answer: Answer): boolean {
  if (answer.status === 200 && (write.kind === 'update' || courseIdIn(answer) !== null)) {
    ledger.acknowledge(write, write.kind === 'create' ? courseIdIn(answer) : null);
    return true;
  }
  if (answer.status === 409 && answer.body?.code === 'IDEMPOTENCY_KEY_APPLIED') {
    ledger.applied(write);
    return true;
  }
  const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  ledger.problem('refused', `${write.kind} of ${write.course.name} answered ${answer.status} ${body.slice(0, 200)}`);
  return false;
}

/** Half creates, half updates of one of the client's own acknowledged courses (so no two clients race a course). */
function nextWrite(ledger: Ledger, client: number, random: () => number): Write {
  const own = ledger.acknowledgedCourses(client);
  if (own.length === 0 || random() < 0.5) return { kind: 'create', course: ledger.newCourse(client) };
  const course = own[Math.floor(random() * own.length)]!;
  const code = ledger.nextCode();
  return { kind: 'update', course, code, key: `update-${course.name}-${code}` };
}

// A bound on one load phase, far above what a phase of a second or so reaches.
const maxWritesPerClient = 100_000;

/**
 * Each client writes one request at a time until `stopped()`. A write that gets no complete answer (the server was
 * killed under it) is left in `ledger.inFlight`, and that client stops: its next write must wait for the restart.
 */
export async function writeUntilStopped(
  api: Api,
  ledger: Ledger,
  clients: number,
  random: () => number,
  stopped: () => boolean,
): Promise<void> {
  const client = async (index: number) => {
    for (let count = 0; count < maxWritesPerClient && !stopped(); count++) {
      const write = nextWrite(ledger, index, random);
      let answer: Answer;
      try {
        answer = await sendWrite(api, write);
      } catch {
        ledger.inFlight.push(write);
        return;
      }
      if (!recordAnswer(ledger, write, answer)) {
        // Tried again after the restart, like a write that got no answer.
        ledger.inFlight.push(write);
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
}
