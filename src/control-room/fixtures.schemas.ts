/**
 * A fixture file: people, courses with their batches, modules and sessions, and enrolments, in the JSON shapes of
 * Zoho's own objects (courseData, batchData, moduleData, sessionData), each with a local `key` that other entries
 * refer to. A reference to a person is a key of `people`, or the erecno of someone already in the portal.
 */
import { type Static, Type } from '@sinclair/typebox';
import { documentedAs } from '../http/parameters.ts';

const Key = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$',
  description: 'a local name other entries refer to',
  errorMessage: 'must be 1 to 64 letters, digits, "_", ".", ":" or "-"',
});
const Text = (maxLength: number) =>
  Type.String({ maxLength, errorMessage: `must be a text of at most ${maxLength} characters` });
const Name = Type.String({
  minLength: 1,
  maxLength: 250,
  pattern: '\\S',
  errorMessage: 'must be a text of 1 to 250 characters, not only spaces',
});
const ZohoDate = Type.String({ description: 'DD-MM-YYYY', errorMessage: 'must be a date as DD-MM-YYYY' });
const Time = Type.String({
  description: '12-hour time such as 10:00 AM',
  errorMessage: 'must be a time such as 10:00 AM',
});
const Capacity = Type.Integer({
  minimum: 1,
  maximum: 100_000,
  errorMessage: 'must be a whole number from 1 to 100000',
});
const PersonRef = Type.String({
  minLength: 1,
  maxLength: 64,
  description: "a key of people, or an erecno of the portal's",
  errorMessage: 'must be a key of people or an erecno',
});

/** A person (Lectern's addEmployees shape). */
export const FixturePerson = Type.Object(
  {
    key: Key,
    displayName: Type.String({ minLength: 1, maxLength: 200, errorMessage: 'must be a text of 1 to 200 characters' }),
    emailId: Type.String({
      pattern: '^[^@\\s]+@[^@\\s]+$',
      maxLength: 200,
      errorMessage: 'must be an e-mail address',
    }),
    employeeId: Type.Optional(Text(50)),
    roles: Type.Optional(
      Type.Array(
        Type.Union(
          ['admin', 'settingsAdmin', 'dataAdmin', 'trainer'].map((role) => Type.Literal(role)),
          {
            errorMessage: 'must be admin, settingsAdmin, dataAdmin or trainer',
          },
        ),
        { maxItems: 4 },
      ),
    ),
    status: Type.Optional(
      Type.Union([Type.Literal('active'), Type.Literal('inactive')], { errorMessage: 'must be active or inactive' }),
    ),
    manager: Type.Optional(PersonRef),
  },
  { additionalProperties: false },
);

/** A session of a batch module (sessionData, with the trainer and module as references). */
export const FixtureSession = Type.Object(
  {
    key: Type.Optional(Key),
    name: Name,
    module: Key,
    trainer: PersonRef,
    type: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 1, errorMessage: 'must be 0 (classroom) or 1 (e-learning)' }),
    ),
    date: ZohoDate,
    startTime: Time,
    endTime: Time,
    description: Type.Optional(Text(10_000)),
  },
  { additionalProperties: false },
);

/** A batch of a blended course (batchData), with its sessions. */
export const FixtureBatch = Type.Object(
  {
    key: Key,
    name: Name,
    startDate: ZohoDate,
    endDate: ZohoDate,
    minimumCapacity: Capacity,
    maximumCapacity: Capacity,
    allowWaitlisting: Type.Optional(Type.Boolean({ errorMessage: 'must be true or false' })),
    published: Type.Optional(Type.Boolean({ errorMessage: 'must be true or false' })),
    sessions: Type.Optional(Type.Array(FixtureSession, { maxItems: 1000 })),
  },
  { additionalProperties: false },
);

/** A module (moduleData): of the course, or of one of its batches when the course is blended. */
export const FixtureModule = Type.Object(
  {
    key: Key,
    name: Name,
    description: Type.Optional(Text(10_000)),
    batch: Type.Optional(Key),
  },
  { additionalProperties: false },
);

/** A course (courseData), with its batches and modules. */
export const FixtureCourse = Type.Object(
  {
    key: Key,
    name: Name,
    type: Type.Integer({
      minimum: 1,
      maximum: 3,
      errorMessage: 'must be 1 (self paced), 2 (blended) or 3 (e-material)',
    }),
    description: Type.Optional(Text(10_000)),
    aboutCourse: Type.Optional(Text(10_000)),
    courseCode: Type.Optional(Text(100)),
    owner: Type.Optional(PersonRef),
    courseAdmins: Type.Optional(Type.Array(PersonRef, { maxItems: 100 })),
    published: Type.Optional(Type.Boolean({ errorMessage: 'must be true or false' })),
    batches: Type.Optional(Type.Array(FixtureBatch, { maxItems: 200 })),
    modules: Type.Optional(Type.Array(FixtureModule, { maxItems: 1000 })),
  },
  { additionalProperties: false },
);

/** A learner's seat in a course, or in a batch of a blended course. */
export const FixtureEnrolment = Type.Object(
  {
    person: PersonRef,
    course: Key,
    batch: Type.Optional(Key),
  },
  { additionalProperties: false },
);

/** A whole fixture file. */
export const FixtureFile = Type.Object(
  {
    seed: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 2_147_483_647, errorMessage: 'must be a whole number from 0 to 2147483647' }),
    ),
    people: Type.Optional(Type.Array(FixturePerson, { maxItems: 5000 })),
    courses: Type.Optional(Type.Array(FixtureCourse, { maxItems: 1000 })),
    enrolments: Type.Optional(Type.Array(FixtureEnrolment, { maxItems: 50_000 })),
  },
  { additionalProperties: false, title: 'Fixtures' },
);

/** A fixture file, checked. */
export type Fixtures = Static<typeof FixtureFile>;

/**
 * The body of loadFixtures: the service checks the whole file and names a bad field by its path (fixtures.check.ts),
 * so Fastify takes any object; FixtureFile is what the document shows.
 */
export const loadFixturesBody = documentedAs(Type.Object({}), FixtureFile);

/** The 200 answer of loadFixtures: the id made for every key. */
export const loadFixturesResponse200 = Type.Object({
  code: Type.Literal('200'),
  message: Type.Literal('success'),
  portalId: Type.String(),
  seed: Type.Union([Type.Integer(), Type.Null()]),
  ids: Type.Object({
    people: Type.Record(Type.String(), Type.String()),
    courses: Type.Record(Type.String(), Type.String()),
    batches: Type.Record(Type.String(), Type.String()),
    modules: Type.Record(Type.String(), Type.String()),
    sessions: Type.Record(Type.String(), Type.String()),
  }),
});
