/** The enrol and unenrol answers' schemas, in Zoho's key names and key order. */
import { Type } from '@sinclair/typebox';
import { idListParameter, notifyParameter } from '../../http/parameters.ts';

export const notifyQuery = {
  notifyApplicableUsers: notifyParameter('Lectern: True or False (any case), default true: tell the people concerned'),
};

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

export const CourseParams = Type.Object({ courseId: Type.String() });

export const BatchParams = Type.Object({ courseId: Type.String(), batchId: Type.String() });

export const idListQuery = Type.Object({
  erecnosList: idListParameter('The learners: erecnos, e.g. [588882000000212025]'),
  ...notifyQuery,
});
