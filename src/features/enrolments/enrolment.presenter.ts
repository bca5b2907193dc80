/** Turns enrolment outcomes into the learners list of the enrol and unenrol answers. Pure. */
import type { Static } from '@sinclair/typebox';
import { presentPerson } from '../people/index.ts';
import type { EnrolledPersonSchema, LearnersEnvelope } from './enrolment.schemas.ts';
import type { EnrolmentOutcome } from './enrolment-target.ts';

/** One outcome in the answer's shape; `base` is where Lectern is reached (for photo URLs). */
export function presentOutcome(outcome: EnrolmentOutcome, base: string): Static<typeof EnrolledPersonSchema> {
  const person = { ...presentPerson(outcome.person, base), status: outcome.status };
  return outcome.reason === undefined ? person : { ...person, reason: outcome.reason };
}

/** The whole answer of an enrol or unenrol call. */
export function presentOutcomes(outcomes: EnrolmentOutcome[], base: string): Static<typeof LearnersEnvelope> {
  return { code: '200', learners: outcomes.map((outcome) => presentOutcome(outcome, base)), message: 'success' };
}
