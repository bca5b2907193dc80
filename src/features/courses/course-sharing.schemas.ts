/** The sharing API's request and response schemas: share, unshare, shared users, suggest, suggested count. */
import { Type } from '@sinclair/typebox';
import { idListParameter, idParameter, startIndexParameter } from '../../http/parameters.ts';
import { PersonSchema } from '../people/index.ts';

/** The querystring of shareCourse and suggestCourse: the people, as a JSON list of erecnos. */
export const courseAudienceQuery = Type.Object({
  erecnosList: idListParameter('The people: erecnos, e.g. [588882000000212025]'),
});

/** The body of shareCourse. */
export const shareCourseBody = Type.Optional(Type.Unknown());

/** The querystring of unshareCourse. */
export const unshareCourseQuery = Type.Object({
  sharedUserErecno: idParameter('The person to stop sharing with', { required: true }),
});

/** The body of unshareCourse. */
export const unshareCourseBody = Type.Optional(Type.Unknown());

/** The querystring of listSharedUsers. */
export const listSharedUsersQuery = Type.Object({ startIndex: startIndexParameter });

/** The body of suggestCourse. */
export const suggestCourseBody = Type.Optional(Type.Unknown());

/** The 200 answer of countSuggestedCourses. */
export const countSuggestedCoursesResponse200 = Type.Object({
  code: Type.Literal('200'),
  message: Type.Literal('success'),
  count: Type.Integer(),
});

/** The 200 answer of shareCourse: the people the course is now shared with. */
export const shareCourseResponse200 = Type.Object({
  sharedUsers: Type.Array(PersonSchema),
  code: Type.Literal('200'),
  message: Type.Literal('success'),
});

/** The 200 answer of suggestCourse: the people it was suggested to. */
export const suggestCourseResponse200 = Type.Object({
  suggestedUsers: Type.Array(PersonSchema),
  code: Type.Literal('200'),
  message: Type.Literal('success'),
});
