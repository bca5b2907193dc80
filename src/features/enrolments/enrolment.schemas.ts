/** The Course Learner API's request schemas and the enrol and unenrol answers' schemas (Zoho's key names and order). */
import { type TObject, Type } from '@sinclair/typebox';
import { idListParameter, notifyParameter } from '../../http/parameters.ts';

const notifyKeys = {
  notifyApplicableUsers: notifyParameter(
    "Lectern: True or False (any case); default: the portal's notificationDefaults.enrolments (true unless changed): tell the people concerned",
  ),
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

/** The path of a course's enrolments. */
export const CourseParams = Type.Object({ courseId: Type.String() });

/** The path of a blended course's batch's enrolments. */
export const BatchParams = Type.Object({ courseId: Type.String(), batchId: Type.String() });

/** The querystring of enrol and unenrol: the learners, and whether they are told. */
export const enrolmentChangeQuery = Type.Object({
  erecnosList: idListParameter('The learners: erecnos, e.g. [588882000000212025]'),
  ...notifyKeys,
});

/** The body of enrol, unenrol and remove: the query's parameters may come here instead, read by the handler. */
export const enrolmentChangeBody = Type.Optional(Type.Unknown());

/** The path of removing one learner: the course's or batch's path and the learner. */
export const removeLearnerParams = (parentParams: TObject) =>
  Type.Object({ ...parentParams.properties, learnerId: Type.String() });

/** The querystring of removing one learner: whether the people concerned are told. */
export const removeLearnerQuery = Type.Object(notifyKeys);
