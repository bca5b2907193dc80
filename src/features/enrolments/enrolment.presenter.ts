/** Turns enrolment outcomes into the learners list of the enrol and unenrol answers. Pure. */
import { type Static, Type } from '@sinclair/typebox';
import { presentPerson } from '../people/index.ts';
import type { EnrolmentOutcome } from './enrolment.service.ts';

/** One person of an enrol or unenrol answer: Zoho's person keys, then what happened (provisional). */
export const EnrolledPersonSchema = Type.Object({
  erecno: Type.String(),
  displayName: Type.String(),
  employeeId: Type.String(),
  emailId: Type.String(),
  displayPictureURL: Type.String(),
  status: Type.Union(
    ['enrolled', 'waitlisted', 'alreadyEnrolled', 'unenrolled', 'notEnrolled', 'refused'].map((status) =>
      Type.Literal(status),
    ),
  ),
  reason: Type.Optional(Type.String()),
});

/** The enrol and unenrol answer: `{"code":"200","learners":[...],"message":"success"}`. */
export const LearnersEnvelope = Type.Object({
  code: Type.Literal('200'),
  learners: Type.Array(EnrolledPersonSchema),
  message: Type.Literal('success'),
});

/** One outcome in the answer's shape. */
export function presentOutcome(outcome: EnrolmentOutcome): Static<typeof EnrolledPersonSchema> {
  const person = { ...presentPerson(outcome.person), status: outcome.status };
  return outcome.reason === undefined ? person : { ...person, reason: outcome.reason };
}

/** The whole answer of an enrol or unenrol call. */
export function presentOutcomes(outcomes: EnrolmentOutcome[]): Static<typeof LearnersEnvelope> {
  return { code: '200', learners: outcomes.map(presentOutcome), message: 'success' };
}
