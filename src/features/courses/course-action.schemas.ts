/** The Course Action API's request and response schemas. */
import { Type } from '@sinclair/typebox';
import { notifyParameter, textParameter } from '../../http/parameters.ts';

/** `{"code":"200","course":{"courseId":"...","status":"published"},"message":"success"}`, as the Publish Course page shows. */
export const CourseStatusEnvelope = Type.Object({
  code: Type.Literal('200'),
  course: Type.Object({ courseId: Type.String(), status: Type.String() }),
  message: Type.Literal('success'),
});

/** The querystring of Publish Course: whether the learners are e-mailed. */
export const publishCourseQuery = Type.Object({
  notifyApplicableUsers: notifyParameter(
    "True or False, any case; default: the portal's notificationDefaults.coursePublished (false unless changed)",
  ),
});

/** The querystring of Enable and Disable Course: the reason, kept with the change. */
export const courseSwitchQuery = Type.Object({
  comment: textParameter(Type.String({ maxLength: 2000 }), { description: 'Why (at most 2000 characters)' }),
});

/** The querystring of the actions that read no parameter (unpublish, favourite, unfavourite). */
export const courseActionWithoutParametersQuery = Type.Object({});

/** The body of every course action: the query's parameters may come here instead, read by the handler. */
export const courseActionBody = Type.Optional(Type.Unknown());
