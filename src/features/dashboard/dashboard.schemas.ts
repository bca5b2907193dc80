/** The admin dashboard's answer (GET /lectern/v1/dashboard). */
import { type TSchema, Type } from '@sinclair/typebox';
import { successEnvelope } from '../../http/envelope.ts';

/** How many items each of the dashboard's lists holds at most; its `total` counts them all. */
export const dashboardListLimit = 10;

/** How many days ahead "upcoming sessions" looks, today included. */
export const upcomingSessionDays = 14;

const IsoDate = Type.String({ description: 'YYYY-MM-DD' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A bounded list: its first items and how many there are in all. */
const boundedList = <T extends TSchema>(item: T) =>
  Type.Object({
    total: Type.Integer({ description: `how many there are; items holds the first ${dashboardListLimit}` }),
    items: Type.Array(item),
  });

/** A session in the next days. */
export const DashboardSessionSchema = Type.Object({
  sessionId: Type.String(),
  name: Type.String(),
  date: IsoDate,
  startTime: Type.String({ description: '10:00 AM' }),
  endTime: Type.String(),
  timeZone: Type.String({
    description: "The IANA zone of the date and times: the room's location's, else the portal's",
  }),
  trainerErecno: Type.String(),
  trainerName: Type.String(),
  courseId: Type.String(),
  courseName: Type.String(),
  batchId: Type.String(),
  batchName: Type.String(),
});

/** A published batch still to start, with its seats. */
export const DashboardBatchSchema = Type.Object({
  batchId: Type.String(),
  name: Type.String(),
  courseId: Type.String(),
  courseName: Type.String(),
  startDate: IsoDate,
  endDate: IsoDate,
  minimumCapacity: Type.Integer(),
  maximumCapacity: Type.Integer({ description: '0: no limit' }),
  enrolled: Type.Integer(),
  waitlisted: Type.Integer(),
});

/** A batch with learners on its waitlist. */
export const DashboardWaitlistSchema = Type.Object({
  batchId: Type.String(),
  name: Type.String(),
  courseId: Type.String(),
  courseName: Type.String(),
  startDate: IsoDate,
  maximumCapacity: Type.Integer(),
  waiting: Type.Integer(),
});

/** A learner past their batch's end date without completing it. */
export const DashboardOverdueSchema = Type.Object({
  erecno: Type.String(),
  name: Type.String(),
  courseId: Type.String(),
  courseName: Type.String(),
  batchId: Type.String(),
  batchName: Type.String(),
  endDate: IsoDate,
});

/** An e-mail or webhook delivery that failed for good. */
export const DashboardFailedDeliverySchema = Type.Object({
  kind: Type.Union([Type.Literal('email'), Type.Literal('webhook')]),
  id: Type.String({ description: 'the notification id, or the webhook delivery id' }),
  type: Type.String({ description: 'the versioned event name' }),
  to: Type.String({ description: "the recipient's address, or the webhook's URL" }),
  webhookId: Nullable(Type.String()),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  createdAt: Type.Number({ description: 'epoch ms' }),
});

/** What an admin sees first. */
export const DashboardSchema = Type.Object(
  {
    today: Type.String({ description: "the portal's today (its clock and time zone), YYYY-MM-DD" }),
    upcomingSessions: boundedList(DashboardSessionSchema),
    upcomingBatches: boundedList(DashboardBatchSchema),
    waitlists: Type.Composite([
      boundedList(DashboardWaitlistSchema),
      Type.Object({ learners: Type.Integer({ description: 'learners waiting in all batches' }) }),
    ]),
    overdueLearners: boundedList(DashboardOverdueSchema),
    failedEmails: boundedList(DashboardFailedDeliverySchema),
    failedWebhookDeliveries: boundedList(DashboardFailedDeliverySchema),
  },
  { title: 'Dashboard' },
);

/** `{"code":"200","dashboard":{...},"message":"success"}`. */
export const getDashboardResponse200 = successEnvelope('dashboard', DashboardSchema);
